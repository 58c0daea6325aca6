using System.Collections.Concurrent;

namespace LineaHub.Hub.Overflow;

/// <summary>
/// The possible receivers as the dispatcher read them, plus the offers this process made or ended since, so that
/// consecutive decisions do not all pick the same office. Shared by concurrent requests: the figures as read never
/// change, the adjustments are thread-safe.
/// </summary>
public sealed class DispatchSnapshot(IReadOnlyList<DispatchCandidate> candidates, IReadOnlyDictionary<Guid, string> regions)
{
    private readonly ConcurrentDictionary<Guid, int> inFlightSinceRead = new();

    /// <summary>The candidates with the offers in flight as read, adjusted by what this process did since.</summary>
    public IEnumerable<DispatchCandidate> Candidates => candidates.Select(c =>
        inFlightSinceRead.TryGetValue(c.NodeId, out var extra) && extra != 0 ? c with { OverflowInFlight = Math.Max(0, c.OverflowInFlight + extra) } : c);

    /// <summary>The region of every node, receivers or not (the origin's region breaks ties).</summary>
    public IReadOnlyDictionary<Guid, string> Regions => regions;

    /// <summary>One more offer in flight to <paramref name="nodeId"/>: its expected delay grows.</summary>
    public void CountOffer(Guid nodeId) => inFlightSinceRead.AddOrUpdate(nodeId, 1, (_, n) => n + 1);

    /// <summary>An offer to <paramref name="nodeId"/> was answered, withdrawn or cancelled.</summary>
    public void CountOfferEnded(Guid nodeId) => inFlightSinceRead.AddOrUpdate(nodeId, -1, (_, n) => n - 1);
}
