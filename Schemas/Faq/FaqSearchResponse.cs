namespace LineaHub.Schemas.Faq;

/// <summary>Results of a search over HTTP, best first.</summary>
/// <param name="Hits">At most the requested limit.</param>
/// <param name="TotalHits">How many entries matched in all.</param>
/// <param name="IndexVersion">Highest change number the answering index had applied.</param>
public sealed record FaqSearchResponse(IReadOnlyList<FaqHit> Hits, int TotalHits, long IndexVersion);
