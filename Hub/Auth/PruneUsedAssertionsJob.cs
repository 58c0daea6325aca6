using Quartz;

namespace LineaHub.Hub.Auth;

[DisallowConcurrentExecution]
public sealed partial class PruneUsedAssertionsJob(UsedAssertionPruner pruner, ILogger<PruneUsedAssertionsJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var removed = await pruner.PruneAsync(cancellationToken);
        LogPruned(logger, removed);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} expired client assertions")]
    private static partial void LogPruned(ILogger logger, int count);
}
