using System.Globalization;
using LineaHub.Hub.Archive;
using LineaHub.Hub.Errors;
using LineaHub.Hub.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Analytics;

/// <summary>
/// First-response and resolution times: percentiles from the duration histograms, exact averages from the sums in the
/// rollups. Histograms are kept only by the cubes of entity, region and category (<see cref="RollupCube.HasDurations"/>),
/// so durations group and filter by those alone.
/// </summary>
public sealed class DurationsQuery(HubDbContext db, IOptions<AnalyticsOptions> options)
{
    public const int MaxPercentiles = 10;

    private static readonly TrendDimension[] Allowed = [TrendDimension.Category, TrendDimension.TopCategory, TrendDimension.Entity, TrendDimension.Region];

    private const string DimensionReason =
        "I tempi sono disponibili per categoria, ente e regione soltanto: gli istogrammi delle durate sono tenuti per queste dimensioni, " +
        "perché per canale, tipo di richiesta, esito e area sarebbero troppo grandi.";

    public Task<DurationsResult> RunAsync(DurationsRequest request, AnalyticsViewer viewer, CancellationToken cancellationToken) =>
        RunAsync(request, viewer, cube: null, cancellationToken);

    internal async Task<DurationsResult> RunAsync(DurationsRequest request, AnalyticsViewer viewer, RollupCube? cube, CancellationToken cancellationToken)
    {
        Validate(request);
        var filter = viewer.Scope(request.Filter);
        var needed = AnalyticsValidation.Needed(request.GroupBy, filter).ToList();
        cube ??= RollupCube.Covering(needed, durations: true)!;
        if (!cube.HasDurations || !needed.All(cube.Keeps))
        {
            throw new InvalidOperationException($"The {cube.Name} cube cannot answer this durations query.");
        }

        var (cubeId, from, to) = (cube.Id, request.From, request.To);
        var measures = request.Measures.Select(m => (short)m).Distinct().ToArray();
        var sums = await db.ArchiveRollups.AsNoTracking()
            .Where(r => r.Cube == cubeId && r.Day >= from && r.Day < to)
            .Filtered(filter)
            .GroupBy(ArchiveExpressions.CellKeyOf(ArchiveExpressions.BucketStart<ArchiveRollup>(request.Bucket), request.GroupBy))
            .Select(g => new
            {
                g.Key.Start,
                g.Key.First,
                g.Key.Second,
                FirstResponseCount = g.Sum(r => r.FirstResponseCount),
                FirstResponseSum = g.Sum(r => r.FirstResponseSum),
                ResolutionCount = g.Sum(r => r.ResolutionCount),
                ResolutionSum = g.Sum(r => r.ResolutionSum),
            })
            .ToListAsync(cancellationToken);

        // One row per day, cube cell and measure; the days of a result cell are added up here, bucket by bucket, as the
        // rows stream in, so memory holds the result's histograms, not the rows of the range.
        var histograms = new Dictionary<(DateOnly, string, string, short), long[]>();
        var rows = db.ArchiveDurationRollups.AsNoTracking()
            .Where(r => r.Cube == cubeId && r.Day >= from && r.Day < to && measures.Contains(r.Measure))
            .Filtered(filter)
            .Select(ArchiveExpressions.KeyedHistogramOf(ArchiveExpressions.BucketStart<ArchiveDurationRollup>(request.Bucket), request.GroupBy))
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var key = (row.Key.Start, row.Key.First, row.Key.Second, row.Key.Measure);
            histograms[key] = ArchiveDurationRollup.AddTo(histograms.GetValueOrDefault(key, []), row.Counts);
        }

        var cells = new List<DurationCell>();
        foreach (var cell in sums.OrderBy(s => s.Start).ThenBy(s => s.First, StringComparer.Ordinal).ThenBy(s => s.Second, StringComparer.Ordinal))
        {
            var start = request.Bucket is null ? null : ItalianCalendar.DayLabel(cell.Start);
            var group = TrendQuery.Group(request.GroupBy, cell.First, cell.Second);
            foreach (var measure in request.Measures.Distinct())
            {
                var (count, sum) = measure == DurationMeasure.FirstResponse
                    ? (cell.FirstResponseCount, cell.FirstResponseSum)
                    : (cell.ResolutionCount, cell.ResolutionSum);
                if (count == 0)
                {
                    continue;
                }

                var name = measure == DurationMeasure.FirstResponse ? "firstResponse" : "resolution";
                if (viewer.Suppresses(count))
                {
                    cells.Add(new DurationCell(start, group, name, null, Suppressed: true, null, []));
                    continue;
                }

                var histogram = histograms.GetValueOrDefault((cell.Start, cell.First, cell.Second, (short)measure), []);
                cells.Add(new DurationCell(start, group, name, count, Suppressed: false, sum / (double)count,
                    [.. request.Percentiles.Select(p => new PercentileValue(p, Percentile(histogram, p)))]));
            }
        }

        return new DurationsResult(
            request.From, request.To, request.Bucket?.ToString().ToLowerInvariant(), [.. request.GroupBy.Select(d => d.Name())],
            cube.Name, viewer.Suppression, request.Percentiles, cells);
    }

    /// <summary>The nearest-rank percentile of a histogram (contacts per bucket), as its bucket's representative value.</summary>
    internal static double Percentile(IReadOnlyList<long> histogram, double percentile)
    {
        var total = histogram.Sum();
        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100 * total));
        long seen = 0;
        var last = 0;
        for (var bucket = 0; bucket < histogram.Count; bucket++)
        {
            if (histogram[bucket] == 0)
            {
                continue;
            }

            last = bucket;
            seen += histogram[bucket];
            if (seen >= rank)
            {
                return Math.Round(DurationBuckets.Representative((short)bucket), 1);
            }
        }

        return Math.Round(DurationBuckets.Representative((short)last), 1);
    }

    private void Validate(DurationsRequest request)
    {
        var limits = options.Value;
        var errors = new ValidationErrors();
        AnalyticsValidation.CheckRange(errors, request.From, request.To, limits.MaxRangeDays);
        AnalyticsValidation.CheckGroupBy(errors, request.GroupBy);
        AnalyticsValidation.CheckFilter(errors, request.Filter, limits.MaxFilterValues);
        if (request.Bucket == TimeBucket.Hour)
        {
            errors.Add("bucket", "I tempi non hanno il bucket orario: gli istogrammi sono giornalieri. Usare day, week, month o nessun bucket.");
        }

        if (request.GroupBy.Any(d => !Allowed.Contains(d)))
        {
            errors.Add("groupBy", DimensionReason);
        }

        foreach (var dimension in request.Filter.Dimensions.Where(d => !RollupCube.Category.Keeps(d) && !RollupCube.EntityCategory.Keeps(d)))
        {
            errors.Add(dimension.Name(), DimensionReason);
        }

        if (request.Measures.Count == 0)
        {
            errors.Add("measure", "Indicare almeno una misura: firstResponse o resolution.");
        }

        if (request.Percentiles.Count is 0 or > MaxPercentiles || request.Percentiles.Any(p => !(p > 0 && p <= 100)))
        {
            errors.Add("percentiles", string.Create(CultureInfo.InvariantCulture,
                $"Da 1 a {MaxPercentiles} percentili, ciascuno maggiore di 0 e al più 100."));
        }

        errors.ThrowIfInvalid();
    }
}
