namespace LineaHub.Schemas.Faq;

/// <summary>What the hub did with each search of a batch.</summary>
/// <param name="Stored">Search ids stored by this request.</param>
/// <param name="AlreadyStored">Search ids the hub already had from this office (an earlier send): not stored again.</param>
/// <param name="Refused">Searches not stored, each with its reasons; sending them again unchanged will not help.</param>
public sealed record FaqSearchLogResponse(
    IReadOnlyList<Guid> Stored,
    IReadOnlyList<Guid> AlreadyStored,
    IReadOnlyList<RefusedFaqSearch> Refused);
