using LineaHub.Schemas.Faq;

namespace LineaHub.NodeAgent.Faq;

/// <summary>A search answered from the office's replica, best first.</summary>
/// <param name="SearchId">New for every search; give it back with feedback, so the network links the two.</param>
/// <param name="Hits">At most the requested limit; snippets HTML-escaped with matches in <c>&lt;mark&gt;</c>.</param>
/// <param name="TotalHits">How many entries matched in all.</param>
/// <param name="ReplicaVersion">The hub's change number the replica had applied.</param>
/// <param name="LastSyncAt">When the replica last caught up with the hub; null if never.</param>
/// <param name="Stale">True when no sync has succeeded for longer than the agent's <c>Faq:StaleAfterSeconds</c>: the hub may have newer answers.</param>
public sealed record LocalFaqSearchResponse(
    Guid SearchId, IReadOnlyList<FaqHit> Hits, int TotalHits, long ReplicaVersion, DateTimeOffset? LastSyncAt, bool Stale);
