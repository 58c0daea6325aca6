namespace LineaHub.Schemas.Faq;

/// <summary>
/// One search an operator ran, as it is kept for the gaps report. The query is anonymised by whoever logs it
/// (the agent for its local searches, the hub for its own) and checked again by the hub before it is stored.
/// </summary>
/// <param name="SearchId">Chosen by the searcher; stored once per node.</param>
/// <param name="Query">The text as typed, with personal data replaced by placeholders.</param>
/// <param name="CategoryCode">The category filter of the search, if any.</param>
/// <param name="TotalHits">How many entries matched.</param>
/// <param name="At">When the search ran (UTC).</param>
public sealed record FaqSearchLogEntry(Guid SearchId, string? Query, string? CategoryCode, int TotalHits, DateTimeOffset At);
