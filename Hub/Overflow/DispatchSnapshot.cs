namespace LineaHub.Hub.Overflow;

/// <summary>
/// The possible receivers as the dispatcher read them once, kept current as it makes offers, so that a sweep
/// over many queued tickets reads the network once and does not offer them all to the same office.
/// </summary>
public sealed class DispatchSnapshot(List<DispatchCandidate> candidates, IReadOnlyDictionary<Guid, string> regions)
{
    public IReadOnlyList<DispatchCandidate> Candidates => candidates;

    /// <summary>The region of every node, receivers or not (the origin's region breaks ties).</summary>
    public IReadOnlyDictionary<Guid, string> Regions => regions;

    /// <summary>One more offer in flight to <paramref name="nodeId"/>: its expected delay grows.</summary>
    public void CountOffer(Guid nodeId)
    {
        var index = candidates.FindIndex(c => c.NodeId == nodeId);
        if (index >= 0)
        {
            candidates[index] = candidates[index] with { OverflowInFlight = candidates[index].OverflowInFlight + 1 };
        }
    }
}
