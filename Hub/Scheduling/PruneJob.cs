using Quartz;

namespace LineaHub.Hub.Scheduling;

/// <summary>The housekeeping job: runs one <see cref="IPruner"/> on Quartz's schedule.</summary>
[DisallowConcurrentExecution]
public sealed class PruneJob<TPruner>(TPruner pruner, ILogger<PruneJob<TPruner>> logger) : IJob
    where TPruner : IPruner
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var removed = await pruner.PruneAsync(cancellationToken);
        PruneLog.Pruned(logger, removed, pruner.What);
    }
}

internal static partial class PruneLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} {What}")]
    public static partial void Pruned(ILogger logger, int count, string what);
}
