using System.Globalization;
using LineaHub.Hub.Archive;
using LineaHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace LineaHub.Hub.Tests.Analytics;

/// <summary>
/// Writes contacts straight into the archive tables — the raw records and every cube of the rollups and duration
/// histograms — the way ingestion maintains them, for tests of the query side. Call once per hub.
/// </summary>
internal static class ArchiveSeed
{
    private static readonly TimeZoneInfo Italy = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    public static DateOnly ItalianDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Italy).DateTime);

    /// <summary>An Italian wall-clock hour as the UTC instant an agent would send.</summary>
    public static DateTimeOffset ItalianHour(int year, int month, int day, int hour)
    {
        var local = new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Italy.GetUtcOffset(local)).ToUniversalTime();
    }

    public static async Task SeedAsync(this HubServer hub, IEnumerable<SyntheticContact> contacts)
    {
        var list = contacts.ToList();
        await using var db = hub.Database.CreateDbContext();
        if (hub.Database.Storage == StorageKind.Postgres)
        {
            foreach (var month in list.Select(c => new DateTime(c.ClosedAt.UtcDateTime.Year, c.ClosedAt.UtcDateTime.Month, 1)).Distinct())
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"archive_records_y{month.Year:D4}m{month.Month:D2}");
                var range = string.Create(CultureInfo.InvariantCulture, $"FROM ('{month:yyyy-MM-dd}T00:00:00Z') TO ('{month.AddMonths(1):yyyy-MM-dd}T00:00:00Z')");
#pragma warning disable EF1002 // Test-built month names and bounds, no input.
                await db.Database.ExecuteSqlRawAsync($"CREATE TABLE IF NOT EXISTS {name} PARTITION OF archive_records FOR VALUES {range}");
#pragma warning restore EF1002
            }
        }

        var rollups = new Dictionary<(short, DateOnly, string, string, string, string, string, string, string), ArchiveRollup>();
        var histograms = new Dictionary<(short, DateOnly, string, string, string, short), ArchiveDurationRollup>();
        foreach (var contact in list)
        {
            db.ArchivedContacts.Add(new ArchivedContact
            {
                NodeId = Guid.NewGuid(),
                RecordId = Guid.NewGuid().ToString("N"),
                ClosedAt = contact.ClosedAt.ToUniversalTime(),
                OpenedAt = contact.ClosedAt.ToUniversalTime().AddHours(-1),
                ReceivedAt = contact.ClosedAt.ToUniversalTime(),
                EntityCode = contact.Entity,
                RegionCode = contact.Region,
                TaxonomyVersion = "2026.1",
                Category = contact.Category,
                Channel = contact.Channel,
                RequestType = contact.RequestType,
                Outcome = contact.Outcome,
                AreaIstatCode = contact.Area,
                FirstResponseSeconds = contact.FirstResponseSeconds,
                ResolutionSeconds = contact.ResolutionSeconds,
                Satisfaction = contact.Satisfaction,
            });

            var day = ItalianDay(contact.ClosedAt);
            foreach (var cube in RollupCube.SmallestFirst)
            {
                string Keep(ArchiveDimension dimension, string value) => cube.Keeps(dimension) ? value : RollupCube.All;
                var (entity, region, category) = (Keep(ArchiveDimension.Entity, contact.Entity), Keep(ArchiveDimension.Region, contact.Region), Keep(ArchiveDimension.Category, contact.Category));
                var key = (cube.Id, day, entity, region, category, Keep(ArchiveDimension.Channel, contact.Channel),
                    Keep(ArchiveDimension.RequestType, contact.RequestType), Keep(ArchiveDimension.Outcome, contact.Outcome), Keep(ArchiveDimension.Area, contact.Area));
                if (!rollups.TryGetValue(key, out var rollup))
                {
                    rollup = new ArchiveRollup
                    {
                        Cube = cube.Id, Day = day, EntityCode = entity, RegionCode = region, Category = category,
                        Channel = key.Item6, RequestType = key.Item7, Outcome = key.Item8, AreaIstatCode = key.Item9,
                    };
                    rollups[key] = rollup;
                }

                rollup.Contacts++;
                if (contact.FirstResponseSeconds is { } first)
                {
                    rollup.FirstResponseCount++;
                    rollup.FirstResponseSum += first;
                }

                if (contact.ResolutionSeconds is { } resolution)
                {
                    rollup.ResolutionCount++;
                    rollup.ResolutionSum += resolution;
                }

                if (contact.Satisfaction is { } satisfaction)
                {
                    rollup.SatisfactionCount++;
                    rollup.SatisfactionSum += satisfaction;
                }

                if (!cube.HasDurations)
                {
                    continue;
                }

                foreach (var (measure, seconds) in new[] { (DurationMeasure.FirstResponse, contact.FirstResponseSeconds), (DurationMeasure.Resolution, contact.ResolutionSeconds) })
                {
                    if (seconds is not { } value)
                    {
                        continue;
                    }

                    var histogramKey = (cube.Id, day, entity, region, category, (short)measure);
                    if (!histograms.TryGetValue(histogramKey, out var histogram))
                    {
                        histogram = new ArchiveDurationRollup
                        {
                            Cube = cube.Id, Day = day, EntityCode = entity, RegionCode = region, Category = category, Measure = (short)measure,
                        };
                        histograms[histogramKey] = histogram;
                    }

                    histogram.Add(DurationBuckets.Of(value));
                }
            }
        }

        db.ArchiveRollups.AddRange(rollups.Values);
        db.ArchiveDurationRollups.AddRange(histograms.Values);
        await db.SaveChangesAsync();
    }
}
