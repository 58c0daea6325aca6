using System.Text.Json;
using LineaHub.NodeAgent.Outbox;
using LineaHub.Schemas.Archive;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace LineaHub.NodeAgent.Archive;

/// <summary>
/// Packs archived contacts into batches for <c>POST /api/v1/archive/batches</c>: a batch leaves when it holds
/// <see cref="ArchiveOptions.BatchSize"/> records or its oldest record has waited <see cref="ArchiveOptions.BatchSeconds"/>.
/// A batch is an outbox message, formed in one transaction with the records it carries: its body and idempotency key are
/// fixed from then on, so the <see cref="OutboxSender"/> retries it unchanged; <see cref="ArchiveDeliveries"/> reads the
/// hub's answer.
/// </summary>
public sealed partial class ArchiveBatcher(
    OutboxStore outbox,
    ArchiveStore store,
    TimeProvider clock,
    IOptions<ArchiveOptions> options,
    ILogger<ArchiveBatcher> logger) : BackgroundService
{
    public const string Kind = "archive.batch";
    public const string RelativePath = "api/v1/archive/batches";

    // Set once the release has succeeded, so a failed first attempt is made again.
    private bool _orphansReleased;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // Records written by another process (an import) wake nobody here: they are found at the next look.
        OutboxBatchLoop.RunAsync(
            () => store.NextChange,
            async cancellationToken => (await FormDueAsync(cancellationToken)).NextDueAt,
            TimeSpan.FromSeconds(options.Value.BatchSeconds),
            clock,
            // A database held too long by another process (a large import).
            exception => LogDatabaseBusy(logger, exception.SqliteErrorCode),
            stoppingToken);

    /// <summary>Forms every batch that is due now, as long as fewer than <see cref="ArchiveOptions.MaxQueuedBatches"/> wait in the outbox.</summary>
    public async Task<ArchiveBatching> FormDueAsync(CancellationToken cancellationToken)
    {
        if (!_orphansReleased)
        {
            // Once per process, before any answer of this process can be on its way: a batch that left the outbox without
            // its answer being read belongs to a process that stopped.
            var released = await outbox.WriteAsync(transaction => store.ReleaseOrphansAsync(transaction, cancellationToken), cancellationToken);
            if (released > 0)
            {
                LogOrphansReleased(logger, released);
            }

            _orphansReleased = true;
        }

        int batches = 0, records = 0;
        while (true)
        {
            var step = await outbox.WriteAsync(transaction => FormOneAsync(transaction, cancellationToken), cancellationToken);
            if (step.BatchId is not { } batchId)
            {
                return new ArchiveBatching(batches, records, step.NextDueAt);
            }

            LogFormed(logger, batchId, step.Records);
            batches++;
            records += step.Records;
        }
    }

    private async Task<Step> FormOneAsync(SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (await outbox.CountPendingAsync(transaction, Kind, cancellationToken) >= settings.MaxQueuedBatches)
        {
            // The answer to a queued batch wakes the loop.
            return new Step(null, 0, null);
        }

        var (waiting, oldestAt) = await store.PeekUnbatchedAsync(transaction, settings.BatchSize, cancellationToken);
        if (waiting == 0)
        {
            return new Step(null, 0, null);
        }

        var dueAt = oldestAt!.Value + TimeSpan.FromSeconds(settings.BatchSeconds);
        if (waiting < settings.BatchSize && dueAt > clock.GetUtcNow())
        {
            return new Step(null, 0, dueAt);
        }

        var (records, lastSeq) = await store.ListUnbatchedAsync(transaction, settings.BatchSize, cancellationToken);
        var message = await outbox.EnqueueAsync(
            transaction,
            Kind,
            HttpMethod.Post,
            RelativePath,
            JsonSerializer.Serialize(new ArchiveBatchRequest(records), JsonSerializerOptions.Web),
            $"archive-{Guid.NewGuid():N}",
            cancellationToken);
        await store.AssignBatchAsync(transaction, lastSeq, message.Id, cancellationToken);
        return new Step(message.Id, records.Count, null);
    }

    private sealed record Step(long? BatchId, int Records, DateTimeOffset? NextDueAt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Archive batch {BatchId} formed with {Records} records")]
    private static partial void LogFormed(ILogger logger, long batchId, int records);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Archive batches not formed: database error {SqliteErrorCode}; trying again shortly")]
    private static partial void LogDatabaseBusy(ILogger logger, int sqliteErrorCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Records} archive records whose batch was delivered before the agent stopped wait for a new batch")]
    private static partial void LogOrphansReleased(ILogger logger, int records);
}
