using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Overflow;

/// <summary>
/// Keeps the network as the dispatcher last read it for <see cref="OverflowOptions.SnapshotMaxAgeMilliseconds"/>,
/// so that a burst of offers reads nodes, capacity and offers in flight once instead of once per offer. A capacity
/// report received by this process drops it at once; one received by another replica is seen within the age limit
/// (reports themselves are up to a report interval old).
/// </summary>
public sealed class DispatchSnapshots(IOptions<OverflowOptions> options) : IDisposable
{
    private readonly SemaphoreSlim loading = new(1, 1);
    private (DispatchSnapshot Snapshot, long ReadAt)? current;

    public async Task<DispatchSnapshot> GetAsync(Func<CancellationToken, Task<DispatchSnapshot>> read, CancellationToken cancellationToken)
    {
        if (Fresh() is { } fresh)
        {
            return fresh;
        }

        await loading.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } loaded)
            {
                return loaded;
            }

            var started = Stopwatch.GetTimestamp();
            var snapshot = await read(cancellationToken);
            current = (snapshot, started);
            return snapshot;
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>The next decision reads the network again.</summary>
    public void Invalidate() => current = null;

    /// <summary>An offer to <paramref name="nodeId"/> ended in this process.</summary>
    public void OfferEnded(Guid nodeId) => current?.Snapshot.CountOfferEnded(nodeId);

    public void Dispose() => loading.Dispose();

    private DispatchSnapshot? Fresh() =>
        current is { } entry && Stopwatch.GetElapsedTime(entry.ReadAt).TotalMilliseconds < options.Value.SnapshotMaxAgeMilliseconds
            ? entry.Snapshot
            : null;
}
