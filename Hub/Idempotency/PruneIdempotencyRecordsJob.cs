using Quartz;

namespace LineaHub.Hub.Idempotency;

[DisallowConcurrentExecution]
public sealed partial class PruneIdempotencyRecordsJob(IdempotencyRecordPruner pruner, ILogger<PruneIdempotencyRecordsJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var removed = await pruner.PruneAsync(cancellationToken);
        LogPruned(logger, removed);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} expired idempotency records")]
    private static partial void LogPruned(ILogger logger, int count);
}
