namespace LineaHub.Schemas.Archive;

/// <summary>
/// One closed contact as it enters the unified archive: classified, anonymised, with times to the hour and a coarse
/// area. The office's agent builds it (see <see cref="ArchiveRecordRules"/>); the hub checks it again and refuses it if it
/// still carries personal data. The handling office is the caller; it is never a field.
/// </summary>
/// <param name="RecordId">
/// The office's own identifier of the contact (1–64 letters, digits, <c>-</c>, <c>_</c>, <c>.</c>); the hub stores a record
/// once per office and identifier, whatever the retries. Never a value that identifies the citizen.
/// </param>
/// <param name="TaxonomyVersion">Taxonomy version the codes below belong to.</param>
/// <param name="Category">Taxonomy category code.</param>
/// <param name="Channel">Taxonomy channel code.</param>
/// <param name="RequestType">Taxonomy request type code.</param>
/// <param name="Outcome">Taxonomy outcome code.</param>
/// <param name="OpenedAt">When the contact began, UTC, on the hour (<see cref="Anonymisation.ArchiveTime.ToHour"/>).</param>
/// <param name="ClosedAt">When it was closed, UTC, on the hour; not before <paramref name="OpenedAt"/>.</param>
/// <param name="FirstResponseSeconds">Seconds to the first answer given to the citizen; null when none was given.</param>
/// <param name="ResolutionSeconds">Seconds to resolution; null when the contact was not resolved.</param>
/// <param name="AreaIstatCode">Six-digit ISTAT code of the municipality the contact is about.</param>
/// <param name="AreaCell">Grid cell of about 500 m (<see cref="Anonymisation.CoarseArea"/>); null without coordinates.</param>
/// <param name="Citizen">Keyed pseudonym of the citizen (<see cref="Anonymisation.CitizenPseudonym"/>); null when unknown.</param>
/// <param name="Text">Redacted free text: what the contact was about, with personal data replaced by placeholders.</param>
/// <param name="FaqIds">Identifiers of the shared FAQ entries used to answer.</param>
/// <param name="Satisfaction">The citizen's rating, 1–5; null when not asked.</param>
/// <param name="EntityCode">
/// Code of the entity the citizen addressed (ISTAT or IPA code of a member office) when it is not the handling office's
/// own — a contact taken through overflow; null means the handling office's own entity.
/// </param>
public sealed record ArchiveRecord(
    string? RecordId,
    string? TaxonomyVersion,
    string? Category,
    string? Channel,
    string? RequestType,
    string? Outcome,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? ClosedAt,
    int? FirstResponseSeconds,
    int? ResolutionSeconds,
    string? AreaIstatCode,
    string? AreaCell,
    string? Citizen,
    string? Text,
    IReadOnlyList<string>? FaqIds,
    int? Satisfaction,
    string? EntityCode = null);
