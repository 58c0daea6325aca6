using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LineaHub.Benchmarks.ArchiveGenerator;
using LineaHub.Hub.Archive;
using LineaHub.Schemas.Anonymisation;
using LineaHub.Schemas.Archive;

namespace LineaHub.Benchmarks.ArchiveIngestion;

/// <summary>
/// Where the hub's CPU per record goes outside the database: the in-process steps of the intake, each timed alone on
/// one thread over the same synthetic batches (<c>--profile-stages</c>; no hub, no PostgreSQL).
/// </summary>
public static class StageProfile
{
    public static string Run(IngestionOptions options, int batches)
    {
        var entities = SyntheticNetwork.Municipalities(options.Seed, options.Offices).Select(e => e with { NodeId = Guid.NewGuid() }).ToList();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var archive = new SyntheticArchive(options.Seed, entities, today.AddDays(-options.Days), today, (long)batches * options.BatchSize + 5_000);
        var now = DateTimeOffset.UtcNow;
        var contacts = Enumerable.Range(0, options.Days).SelectMany(d => archive.Day(archive.From.AddDays(d))).Take(batches * options.BatchSize).ToList();
        var bodies = contacts.Chunk(options.BatchSize)
            .Select(c => JsonSerializer.SerializeToUtf8Bytes(new ArchiveBatchRequest([.. c.Select(x => x.Record)]), JsonSerializerOptions.Web)).ToList();
        var rows = contacts.Select(ArchiveFiller.ToRow).Chunk(options.BatchSize).ToList();
        var records = contacts.Count;

        // Twice each: the first round warms the JIT up, the second is reported. CPU time of this process, not wall time:
        // on a shared machine a thread waits for a core, and that is not the step's cost (GC threads are included).
        var stages = new (string Name, Action Work)[]
        {
            ("JSON deserialisation of the body", () => bodies.ForEach(b => JsonSerializer.Deserialize<ArchiveBatchRequest>(b, JsonSerializerOptions.Web))),
            ("SHA-256 of the body (idempotency fingerprint)", () => bodies.ForEach(b => SHA256.HashData(b))),
            ("Record rules, PII guard included (ArchiveRecordRules.Validate)", () => contacts.ForEach(c => ArchiveRecordRules.Validate(c.Record, now))),
            ("  of which the PII guard on the text (TextAnonymiser.Find)", () => contacts.ForEach(c => TextAnonymiser.Find(c.Record.Text ?? ""))),
            ("  of which the PII guard on the record id", () => contacts.ForEach(c => TextAnonymiser.ContainsPersonalData(c.Record.RecordId!))),
            ("Rollup deltas (RollupDeltas.From, 4 cubes + durations)", () => rows.ForEach(r => RollupDeltas.From(r))),
        };
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"In-process steps of the intake, one thread, {records:N0} records in {bodies.Count} batches ({bodies.Average(b => b.Length) / 1024:0} KiB each):");
        text.AppendLine();
        text.AppendLine("| Step | CPU µs per record | wall µs per record |");
        text.AppendLine("|---|---:|---:|");
        foreach (var (name, work) in stages)
        {
            work();
            using var self = Process.GetCurrentProcess();
            var cpu = self.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            work();
            var wall = watch.Elapsed.TotalMicroseconds / records;
            self.Refresh();
            var perRecord = (self.TotalProcessorTime - cpu).TotalMicroseconds / records;
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {perRecord:0.0} | {wall:0.0} |");
        }

        return text.ToString();
    }
}
