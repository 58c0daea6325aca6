namespace LineaHub.Schemas.Faq;

/// <summary>Results of a search over HTTP, best first.</summary>
/// <param name="Hits">At most the requested limit.</param>
/// <param name="TotalHits">How many entries matched in all.</param>
/// <param name="IndexVersion">Highest change number the answering index had applied.</param>
/// <param name="SearchId">The id under which the search is logged: send it with the feedback on a result
/// (<see cref="FaqFeedbackRequest.SearchId"/>), so the gaps report knows the search was answered.</param>
public sealed record FaqSearchResponse(IReadOnlyList<FaqHit> Hits, int TotalHits, long IndexVersion, Guid SearchId);
