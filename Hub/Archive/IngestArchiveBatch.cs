using LineaHub.Hub.Errors;
using LineaHub.Hub.Nodes;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Archive;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Archive;

/// <summary>
/// An office's batch of closed contacts: each record is checked on its own (rules, retention horizon, known entity, the
/// PII guard); refused records are reported and not stored, the others are stored once each and added to the rollups,
/// all in one transaction.
/// </summary>
public sealed partial class IngestArchiveBatch(
    HubDbContext db,
    NodeCaller caller,
    TimeProvider clock,
    IOptions<ArchiveOptions> options,
    IServiceProvider services,
    ILogger<IngestArchiveBatch> logger)
{
    public async Task<ArchiveBatchResponse> IngestAsync(ArchiveBatchRequest request, CancellationToken cancellationToken)
    {
        var records = BatchSize.Require(request.Records, "records", ArchiveRecordRules.MaxRecordsPerBatch, "record");

        var node = caller.Node;
        var now = clock.GetUtcNow();
        var horizon = ArchiveCalendar.MonthStart(now).AddMonths(-options.Value.RetentionMonths);
        var regions = await RegionsOfAsync(records, cancellationToken);
        var refused = new List<RefusedArchiveRecord>();
        var rows = new List<ArchivedContact>(records.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < records.Count; index++)
        {
            var record = records[index] ?? new ArchiveRecord(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
            var errors = ArchiveRecordRules.Validate(record, now).ToList();
            if (record.ClosedAt is { } closed && closed < horizon)
            {
                errors.Add(new ArchiveRecordError("closedAt", "invalid", $"Oltre il periodo di conservazione dell'archivio ({options.Value.RetentionMonths} mesi)."));
            }

            if (record.EntityCode is { } entity && errors.All(e => e.Field != "entityCode") && !regions.ContainsKey(entity))
            {
                errors.Add(new ArchiveRecordError("entityCode", "unknown_code", "Nessun ente della rete ha questo codice."));
            }

            if (record.RecordId is { } id && errors.All(e => e.Field != "recordId") && !seen.Add(id))
            {
                errors.Add(new ArchiveRecordError("recordId", "duplicate_in_batch", "Lo stesso record compare più volte nel lotto."));
            }

            if (errors.Count > 0)
            {
                // The id is echoed only when it passed its own checks: an id refused as personal data must not come back.
                var echoedId = errors.Any(e => e.Field == "recordId") ? null : record.RecordId;
                refused.Add(new RefusedArchiveRecord(index, echoedId, errors));
                continue;
            }

            rows.Add(ToRow(record, node, regions, now));
        }

        var stored = await WriteAsync(rows, cancellationToken);
        var accepted = rows.Where(r => stored.Contains(r.RecordId)).Select(r => r.RecordId).ToList();
        var alreadyStored = rows.Where(r => !stored.Contains(r.RecordId)).Select(r => r.RecordId).ToList();
        LogIngested(logger, node.Id, accepted.Count, alreadyStored.Count, refused.Count);
        return new ArchiveBatchResponse(accepted, alreadyStored, refused);
    }

    private async Task<IReadOnlySet<string>> WriteAsync(List<ArchivedContact> rows, CancellationToken cancellationToken)
    {
        var writer = db is PostgresHubDbContext
            ? (IArchiveWriter)services.GetRequiredService<PostgresArchiveWriter>()
            : services.GetRequiredService<SqliteArchiveWriter>();

        // With an Idempotency-Key the filter's transaction is already open; without one the batch gets its own.
        return await db.InTransactionAsync(() => writer.WriteAsync(db, rows, cancellationToken), cancellationToken);
    }

    /// <summary>Region of each entity code the batch names (for contacts taken through overflow).</summary>
    private async Task<Dictionary<string, string>> RegionsOfAsync(IReadOnlyList<ArchiveRecord> records, CancellationToken cancellationToken)
    {
        var codes = records.Select(r => r?.EntityCode).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        var nodes = await db.Nodes.AsNoTracking()
            .Where(n => codes.Contains(n.Code))
            .Select(n => new { n.Code, n.RegionCode })
            .ToListAsync(cancellationToken);
        return nodes.DistinctBy(n => n.Code).ToDictionary(n => n.Code, n => n.RegionCode, StringComparer.Ordinal);
    }

    private static ArchivedContact ToRow(ArchiveRecord record, Node node, Dictionary<string, string> regions, DateTimeOffset now) =>
        record.EntityCode is { } entity
            ? ArchivedContact.From(record, node.Id, entity, regions[entity], now)
            : ArchivedContact.From(record, node.Id, node.Code, node.RegionCode, now);

    [LoggerMessage(Level = LogLevel.Information, Message = "Archive batch from {NodeId}: {Accepted} stored, {AlreadyStored} already stored, {Refused} refused")]
    private static partial void LogIngested(ILogger logger, Guid nodeId, int accepted, int alreadyStored, int refused);
}
