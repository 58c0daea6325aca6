namespace LineaHub.Schemas.Faq;

/// <summary>
/// What an office writes to create or change a FAQ entry. The region and entity of a regional or local entry are
/// the owner's, taken from the node registry, never from the request.
/// </summary>
/// <param name="Question">The question as citizens ask it.</param>
/// <param name="Answer">Plain text or the safe Markdown subset.</param>
/// <param name="CategoryCode">Taxonomy category code (current version).</param>
/// <param name="Keywords">Extra words (abbreviations, everyday names); may be null.</param>
/// <param name="Scope"><c>network</c>, <c>regional</c> or <c>local</c> (<see cref="FaqWire"/>).</param>
/// <param name="ValidFrom">First instant the entry applies; null for always.</param>
/// <param name="ValidTo">Instant from which it no longer applies (exclusive); null for never.</param>
public sealed record FaqEntryRequest(
    string? Question,
    string? Answer,
    string? CategoryCode,
    IReadOnlyList<string>? Keywords,
    string? Scope,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidTo);
