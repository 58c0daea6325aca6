using Quartz;

namespace LineaHub.Hub.Overflow;

[DisallowConcurrentExecution]
public sealed partial class PruneInboxJob(InboxPruner pruner, ILogger<PruneInboxJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var removed = await pruner.PruneAsync(cancellationToken);
        LogPruned(logger, removed);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} inbox messages past their retention")]
    private static partial void LogPruned(ILogger logger, int count);
}
