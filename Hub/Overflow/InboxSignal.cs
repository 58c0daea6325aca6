using System.Collections.Concurrent;

namespace LineaHub.Hub.Overflow;

/// <summary>
/// Wakes this process's long polls when a message is committed for a node. Another hub replica's messages
/// are found by the poll's periodic re-read of the database instead; the signal only saves the wait.
/// </summary>
public sealed class InboxSignal
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> waiters = new();

    /// <summary>A task that completes at the next <see cref="Notify"/> for <paramref name="nodeId"/>.</summary>
    public Task NextAsync(Guid nodeId) =>
        waiters.GetOrAdd(nodeId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Notify(IEnumerable<Guid> nodeIds)
    {
        foreach (var nodeId in nodeIds)
        {
            if (waiters.TryRemove(nodeId, out var waiter))
            {
                waiter.TrySetResult();
            }
        }
    }
}
