using System.Text.Json;
using LineaHub.NodeAgent.Outbox;
using LineaHub.Schemas.Faq;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace LineaHub.NodeAgent.Faq;

/// <summary>
/// Packs logged searches into <see cref="FaqSearchLogBatch"/>es for <c>POST /api/v1/faq/searches</c>, the way the archive
/// batcher packs records: a batch leaves when it holds <see cref="FaqReplicaOptions.SearchLogBatchSize"/> searches or its
/// oldest has waited <see cref="FaqReplicaOptions.SearchLogBatchSeconds"/>. A batch is an outbox message formed in the
/// transaction that takes its searches out of the log, so each search travels in exactly one batch, retried unchanged under
/// its idempotency key. The log is not kept after that: a batch the hub refuses for good is a dead letter in the outbox
/// (with the searches in its body), which also keeps a hub that does not know the route from holding back other writes.
/// </summary>
public sealed partial class FaqSearchLogBatcher(
    OutboxStore outbox,
    FaqSearchLog log,
    TimeProvider clock,
    IOptions<FaqReplicaOptions> options,
    ILogger<FaqSearchLogBatcher> logger) : BackgroundService
{
    public const string Kind = "faq.searches";
    public const string RelativePath = "api/v1/faq/searches";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        OutboxBatchLoop.RunAsync(
            () => log.NextChange,
            FormDueAsync,
            TimeSpan.FromSeconds(options.Value.SearchLogBatchSeconds),
            clock,
            exception => LogDatabaseBusy(logger, exception.SqliteErrorCode),
            stoppingToken);

    /// <summary>
    /// Forms every batch that is due now, while fewer than <see cref="FaqReplicaOptions.SearchLogMaxQueuedBatches"/> wait in
    /// the outbox; returns when the searches still waiting make a batch at the latest (null when none waits or the outbox is full).
    /// </summary>
    public async Task<DateTimeOffset?> FormDueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var step = await outbox.WriteAsync(transaction => FormOneAsync(transaction, cancellationToken), cancellationToken);
            if (!step.Formed)
            {
                return step.NextDueAt;
            }
        }
    }

    private async Task<(bool Formed, DateTimeOffset? NextDueAt)> FormOneAsync(SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (await outbox.CountPendingAsync(transaction, Kind, cancellationToken) >= settings.SearchLogMaxQueuedBatches)
        {
            return (false, null);
        }

        var (waiting, oldestAt) = await log.PeekAsync(transaction, settings.SearchLogBatchSize, cancellationToken);
        if (waiting == 0)
        {
            return (false, null);
        }

        var dueAt = oldestAt!.Value + TimeSpan.FromSeconds(settings.SearchLogBatchSeconds);
        if (waiting < settings.SearchLogBatchSize && dueAt > clock.GetUtcNow())
        {
            return (false, dueAt);
        }

        var searches = await log.TakeAsync(transaction, settings.SearchLogBatchSize, cancellationToken);
        var message = await outbox.EnqueueAsync(
            transaction,
            Kind,
            HttpMethod.Post,
            RelativePath,
            JsonSerializer.Serialize(new FaqSearchLogBatch(searches), JsonSerializerOptions.Web),
            $"faq-searches-{Guid.NewGuid():N}",
            cancellationToken);
        LogFormed(logger, message.Id, searches.Count);
        return (true, null);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "FAQ search batch {BatchId} formed with {Searches} searches")]
    private static partial void LogFormed(ILogger logger, long batchId, int searches);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FAQ search batches not formed: database error {SqliteErrorCode}; trying again shortly")]
    private static partial void LogDatabaseBusy(ILogger logger, int sqliteErrorCode);
}
