namespace LineaHub.Schemas.Faq;

/// <summary>
/// A search as an operator's office asks it: the text as typed, who asks (to filter by scope), an optional
/// category, and the instant against which validity dates are checked.
/// </summary>
/// <param name="Query">Text as typed; never parsed as Lucene syntax. 1 to <see cref="FaqQueryRules.MaxQueryLength"/> characters, not blank.</param>
/// <param name="RegionCode">The asker's ISTAT region code; regional entries of this region apply.</param>
/// <param name="EntityCode">The asker's entity code; local entries of this entity apply.</param>
/// <param name="CategoryCode">Only this category and its subcategories; null for all.</param>
/// <param name="Now">Instant for the validity check (from the caller's <see cref="TimeProvider"/>).</param>
/// <param name="Limit">Maximum hits, 1 to <see cref="FaqQueryRules.MaxLimit"/>.</param>
public sealed record FaqSearchRequest(
    string Query,
    string? RegionCode,
    string? EntityCode,
    string? CategoryCode,
    DateTimeOffset Now,
    int Limit = FaqQueryRules.DefaultLimit);
