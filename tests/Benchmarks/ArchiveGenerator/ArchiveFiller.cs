using System.Diagnostics;
using System.Globalization;
using LineaHub.Hub.Archive;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Archive;
using Microsoft.Extensions.Logging.Abstractions;

namespace LineaHub.Benchmarks.ArchiveGenerator;

/// <summary>
/// Writes a synthetic archive straight into a hub's PostgreSQL database through the hub's own
/// <see cref="PostgresArchiveWriter"/>: the same monthly partitions, binary COPY, insert-select and rollup upserts
/// (<see cref="RollupDeltas"/>) as the intake, without HTTP, JSON, idempotency and the per-record checks in between.
/// One Italian day per transaction, a few days at once.
/// </summary>
public static class ArchiveFiller
{
    /// <summary>One record in this many is checked with the intake's rules (PII guard included) before it is written.</summary>
    private const int CheckEvery = 97;

    public static async Task<FillResult> FillAsync(
        Func<HubDbContext> createContext, SyntheticArchive archive, int writers, TextWriter log, CancellationToken cancellationToken)
    {
        var writer = new PostgresArchiveWriter(new ArchivePartitions(NullLogger<ArchivePartitions>.Instance));
        var days = Enumerable.Range(0, archive.To.DayNumber - archive.From.DayNumber).Select(archive.From.AddDays).ToList();
        var now = DateTimeOffset.UtcNow;
        long written = 0;
        long checkedRecords = 0;
        var refused = 0L;
        var elapsed = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        var gate = new Lock();
        await Parallel.ForEachAsync(days, new ParallelOptions { MaxDegreeOfParallelism = writers, CancellationToken = cancellationToken },
            async (day, token) =>
            {
                var contacts = archive.Day(day);
                var rows = new List<ArchivedContact>(contacts.Count);
                for (var i = 0; i < contacts.Count; i++)
                {
                    var contact = contacts[i];
                    if (i % CheckEvery == 0)
                    {
                        Interlocked.Increment(ref checkedRecords);
                        if (ArchiveRecordRules.Validate(contact.Record, now).Count > 0)
                        {
                            Interlocked.Increment(ref refused);
                        }
                    }

                    rows.Add(ToRow(contact));
                }

                await using var db = createContext();
                await using var transaction = await db.Database.BeginTransactionAsync(token);
                var stored = await writer.WriteAsync(db, rows, token);
                await transaction.CommitAsync(token);
                var total = Interlocked.Add(ref written, stored.Count);
                lock (gate)
                {
                    if (elapsed.Elapsed - lastReport >= TimeSpan.FromSeconds(30))
                    {
                        lastReport = elapsed.Elapsed;
                        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"[{DateTime.UtcNow:HH:mm:ss}]   {total:N0} records written, {total / elapsed.Elapsed.TotalSeconds:N0}/s"));
                    }
                }
            });

        return new FillResult(written, elapsed.Elapsed, checkedRecords, refused);
    }

    /// <summary>The stored row of a generated record, as the intake builds it for a record of the entity's own office.</summary>
    public static ArchivedContact ToRow(GeneratedContact contact) =>
        // Agents send within minutes to hours of closing.
        ArchivedContact.From(contact.Record, contact.Entity.NodeId, contact.Entity.Code, contact.Entity.RegionCode, contact.Record.ClosedAt!.Value.AddHours(1));
}

/// <summary>What a fill did.</summary>
/// <param name="Checked">Records checked with the intake's rules on the way (a sample).</param>
/// <param name="Refused">Of those, records the intake would have refused (must be 0).</param>
public sealed record FillResult(long Written, TimeSpan Elapsed, long Checked, long Refused)
{
    public double PerSecond => Written / Elapsed.TotalSeconds;
}
