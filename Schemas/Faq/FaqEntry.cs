namespace LineaHub.Schemas.Faq;

/// <summary>
/// One FAQ entry as the hub stores it and the agent replicates it. Every change raises
/// <see cref="Version"/>, which is how an index (hub replica or agent) applies changes in order and stays current.
/// </summary>
/// <param name="Id">Stable id of the entry.</param>
/// <param name="Question">The question as citizens ask it; weighted highest by search.</param>
/// <param name="Answer">Plain text or the safe Markdown subset (<see cref="FaqText"/>); search indexes its plain text.</param>
/// <param name="CategoryCode">Taxonomy category code (<c>tributi.tari</c>).</param>
/// <param name="Keywords">Extra words editors add (abbreviations, everyday names).</param>
/// <param name="Scope">Network, regional or local.</param>
/// <param name="RegionCode">ISTAT region code; required for <see cref="FaqScope.Regional"/>.</param>
/// <param name="EntityCode">Entity code of the owner; required for <see cref="FaqScope.Local"/>.</param>
/// <param name="ValidFrom">First instant the entry applies; null for always.</param>
/// <param name="ValidTo">Instant from which the entry no longer applies (exclusive); null for never.</param>
/// <param name="Version">Monotonic version of this entry (network-wide sequence or per entry, as long as it only grows).</param>
/// <param name="Status">Lifecycle state; only published entries are searchable.</param>
public sealed record FaqEntry(
    string Id,
    string Question,
    string Answer,
    string CategoryCode,
    IReadOnlyList<string> Keywords,
    FaqScope Scope,
    string? RegionCode,
    string? EntityCode,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidTo,
    long Version,
    FaqStatus Status);
