namespace LineaHub.Schemas.Tickets;

/// <summary>The origin office opens a shared ticket for a citizen's request.</summary>
/// <param name="Category">Taxonomy category code (current version).</param>
/// <param name="Channel">Taxonomy channel code.</param>
/// <param name="RequestType">Taxonomy request type code.</param>
/// <param name="Summary">Anonymised summary: what the request is about, never who made it.</param>
/// <param name="SlaDueAt">When the request must be answered (UTC).</param>
/// <param name="Language">ISO 639-1 code of the citizen's language; Italian when absent.</param>
public sealed record OpenTicketRequest(
    string? Category,
    string? Channel,
    string? RequestType,
    string? Summary,
    DateTimeOffset? SlaDueAt,
    string? Language = null);
