namespace LineaHub.NodeAgent.Archive;

/// <summary>
/// A contact as the office's system closes it, raw: exact times, the citizen's own identifier, coordinates, free text.
/// The agent turns it into an anonymised <see cref="Schemas.Archive.ArchiveRecord"/> and keeps nothing else of it.
/// </summary>
/// <param name="ContactId">The office's own id of the contact; a contact is archived once per id. Never a personal datum.</param>
/// <param name="OpenedAt">When the contact began (exact; the archive keeps the hour).</param>
/// <param name="ClosedAt">When it was closed (exact; the archive keeps the hour).</param>
/// <param name="FirstResponseAt">When the citizen got a first answer; ignored when <paramref name="FirstResponseSeconds"/> is given.</param>
/// <param name="FirstResponseSeconds">Seconds from opening to the first answer.</param>
/// <param name="ResolvedAt">When the request was resolved; ignored when <paramref name="ResolutionSeconds"/> is given.</param>
/// <param name="ResolutionSeconds">Seconds from opening to resolution.</param>
/// <param name="Citizen">Fiscal code, phone or e-mail of the citizen, when known: only its keyed pseudonym leaves the agent.</param>
/// <param name="IstatCode">Six-digit ISTAT code of the municipality the contact is about.</param>
/// <param name="Latitude">Where (WGS 84), when known: only a cell of about 500 m leaves the agent.</param>
/// <param name="Text">What the contact was about; personal data in it are replaced by placeholders.</param>
/// <param name="FaqIds">Shared FAQ entries used to answer.</param>
/// <param name="Satisfaction">The citizen's rating, 1–5.</param>
/// <param name="EntityCode">The entity the citizen addressed, when the contact came through overflow from another office.</param>
public sealed record ClosedContact(
    string? ContactId,
    string? Category,
    string? Channel,
    string? RequestType,
    string? Outcome,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? FirstResponseAt = null,
    int? FirstResponseSeconds = null,
    DateTimeOffset? ResolvedAt = null,
    int? ResolutionSeconds = null,
    string? Citizen = null,
    string? IstatCode = null,
    double? Latitude = null,
    double? Longitude = null,
    string? Text = null,
    IReadOnlyList<string>? FaqIds = null,
    int? Satisfaction = null,
    string? EntityCode = null);
