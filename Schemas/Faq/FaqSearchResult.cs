namespace LineaHub.Schemas.Faq;

/// <summary>Results of one search, best first.</summary>
/// <param name="Hits">At most the requested limit.</param>
/// <param name="TotalHits">How many entries matched in all (after filters).</param>
public sealed record FaqSearchResult(IReadOnlyList<FaqHit> Hits, int TotalHits);
