namespace LineaHub.Hub.Faq;

/// <summary>A search the hub answered, waiting in memory to be anonymised and written to the search log.</summary>
public sealed record PendingFaqSearch(Guid NodeId, Guid SearchId, string Query, string? CategoryCode, int TotalHits, DateTimeOffset At);
