namespace LineaHub.Schemas.Faq;

/// <summary>A FAQ entry as the hub returns it to offices.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Question">The question.</param>
/// <param name="Answer">The answer (plain text or the safe Markdown subset).</param>
/// <param name="CategoryCode">Taxonomy category code.</param>
/// <param name="Keywords">Extra words.</param>
/// <param name="Scope"><c>network</c>, <c>regional</c> or <c>local</c>.</param>
/// <param name="RegionCode">Region of a regional entry.</param>
/// <param name="EntityCode">Entity of a local entry.</param>
/// <param name="ValidFrom">First instant it applies.</param>
/// <param name="ValidTo">Instant from which it no longer applies.</param>
/// <param name="OwnerNodeId">The office that owns it.</param>
/// <param name="Status"><c>draft</c>, <c>in_review</c>, <c>published</c> or <c>archived</c>.</param>
/// <param name="Version">Network-wide change number of its last change.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="UsedCount">How often operators marked it "used to answer" (counted once per feedback).</param>
/// <param name="NotHelpfulCount">How often operators marked it "not helpful".</param>
public sealed record FaqEntryView(
    Guid Id,
    string Question,
    string Answer,
    string CategoryCode,
    IReadOnlyList<string> Keywords,
    string Scope,
    string? RegionCode,
    string? EntityCode,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidTo,
    Guid OwnerNodeId,
    string Status,
    long Version,
    DateTimeOffset UpdatedAt,
    int UsedCount,
    int NotHelpfulCount);
