namespace LineaHub.Schemas.Tickets;

/// <summary>The origin office opens a shared ticket for a citizen's request.</summary>
/// <param name="Category">Taxonomy category code (current version).</param>
/// <param name="Channel">Taxonomy channel code.</param>
/// <param name="RequestType">Taxonomy request type code.</param>
/// <param name="Summary">Anonymised summary: what the request is about, never who made it.</param>
/// <param name="SlaDueAt">When the request must be answered (UTC).</param>
/// <param name="Language">ISO 639-1 code of the citizen's language; Italian when absent.</param>
/// <param name="Code">
/// A code the office drew itself (<see cref="TicketCode.New()"/>), so that it can give the citizen the code
/// even while the hub is unreachable; the hub refuses one already in use (409). Absent: the hub draws one.
/// </param>
/// <param name="HasContact">
/// The office keeps the citizen's contact data for a call-back; if the ticket is handed over, the hub asks it to seal
/// the data for the receiving office. The data itself never travels in this request.
/// </param>
public sealed record OpenTicketRequest(
    string? Category,
    string? Channel,
    string? RequestType,
    string? Summary,
    DateTimeOffset? SlaDueAt,
    string? Language = null,
    string? Code = null,
    bool HasContact = false);
