namespace LineaHub.Schemas.Faq;

/// <summary>Searches an agent ran on its local replica, sent to the hub in one request.</summary>
/// <param name="Searches">At most <see cref="MaxSearches"/>.</param>
public sealed record FaqSearchLogBatch(IReadOnlyList<FaqSearchLogEntry>? Searches)
{
    /// <summary>The most searches one batch may carry.</summary>
    public const int MaxSearches = 500;
}
