using System.Collections.Concurrent;
using System.Diagnostics;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Nodes;

/// <summary>
/// Active nodes as <see cref="NodeCallerFilter"/> last read them, kept for <see cref="NodesOptions.CallerCacheMilliseconds"/>:
/// every call of an agent checks its node, and reading it each time was one query per request. A change to a node
/// made by this process (suspension, reactivation, join, key rotation) drops its entry once committed, so it
/// applies here at the next call; one made by another replica applies here within the cache time.
/// </summary>
public sealed class CallerNodes(IOptions<NodesOptions> options)
{
    private readonly ConcurrentDictionary<Guid, (Node Node, long ReadAt)> active = new();
    private long generation;

    /// <summary>The node if it is active, or null. The node returned is shared between requests: read it, never change it.</summary>
    public async Task<Node?> FindActiveAsync(HubDbContext db, Guid nodeId, CancellationToken cancellationToken)
    {
        var maxAge = options.Value.CallerCacheMilliseconds;
        if (active.TryGetValue(nodeId, out var entry) && Stopwatch.GetElapsedTime(entry.ReadAt).TotalMilliseconds < maxAge)
        {
            return entry.Node;
        }

        // A node forgotten while this read was under way may have been read as it was before the change: not kept.
        var readGeneration = Interlocked.Read(ref generation);
        var readAt = Stopwatch.GetTimestamp();
        var node = await db.Nodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == nodeId, cancellationToken);
        if (node is null || node.Status != NodeStates.Active)
        {
            active.TryRemove(nodeId, out _);
            return null;
        }

        if (maxAge > 0 && Interlocked.Read(ref generation) == readGeneration)
        {
            active[nodeId] = (node, readAt);
        }

        return node;
    }

    /// <summary>The node changed (and the change is committed): the next call reads it again.</summary>
    public void Forget(Guid nodeId)
    {
        Interlocked.Increment(ref generation);
        active.TryRemove(nodeId, out _);
    }
}
