using LineaHub.Schemas.Handover;
using LineaHub.Schemas.Tickets;

namespace LineaHub.NodeAgent.Tickets;

/// <summary>
/// What the office's system sends to open a ticket: the fields of <see cref="OpenTicketRequest"/> and, for a
/// call-back, the citizen's <see cref="Contact"/>. The agent draws the code itself and tells the hub only that
/// contact data exists; the data is sealed for the receiving office if the ticket is handed over.
/// </summary>
public sealed record LocalOpenTicketRequest(
    string? Category,
    string? Channel,
    string? RequestType,
    string? Summary,
    DateTimeOffset? SlaDueAt,
    string? Language = null,
    CitizenContact? Contact = null)
{
    public OpenTicketRequest ToHubRequest() => new(Category, Channel, RequestType, Summary, SlaDueAt, Language);
}
