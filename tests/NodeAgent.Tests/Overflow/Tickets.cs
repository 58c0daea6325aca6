using LineaHub.Schemas.Handover;
using LineaHub.Schemas.Overflow;
using LineaHub.Schemas.Tickets;

namespace LineaHub.NodeAgent.Tests.Overflow;

/// <summary>Synthetic tickets, contacts and inbox messages for the overflow tests.</summary>
internal static class Tickets
{
    public const string Category = "ambiente-rifiuti.raccolta";

    public static readonly TicketParty Origin = new(Guid.Parse("0e5b3a40-0000-4000-8000-000000000001"), "URP di origine (sintetico)");

    public static readonly TicketParty Other = new(Guid.Parse("0e5b3a40-0000-4000-8000-000000000002"), "Altro URP (sintetico)");

    public static CitizenContact Contact { get; } = new("Mario Rossi (sintetico)", "+39 333 000 0001", "test@example.invalid", "mattina", "Richiamare dopo le 10.");

    public static OpenTicketRequest Request() =>
        new(Category, "telefono", "segnalazione", "Mancato ritiro degli ingombranti prenotati", TestAgent.Start.AddDays(5));

    public static TicketView View(string code, string status, int version, TicketParty holder, TicketParty? offeredTo = null, TicketParty? origin = null) =>
        new(
            code,
            status,
            origin ?? Origin,
            holder,
            Category,
            "telefono",
            "segnalazione",
            "it",
            "Mancato ritiro degli ingombranti prenotati",
            "2026.1",
            TestAgent.Start,
            TestAgent.Start.AddDays(5),
            false,
            true,
            offeredTo is null ? null : new TicketOverflow(offeredTo, TestAgent.Start.AddMinutes(1), null, null, 1),
            version,
            []);

    public static InboxMessage Offer(long id, string code, TicketParty self, int version = 2) =>
        new(id, InboxKinds.Offer, code, TestAgent.Start, Ticket: View(code, TicketStates.Offered, version, Origin, offeredTo: self),
            DeadlineAt: TestAgent.Start.AddMinutes(1));

    public static InboxMessage Status(long id, TicketView view, string action, string from) =>
        new(id, InboxKinds.Status, view.Code, TestAgent.Start, Ticket: view,
            Change: new TicketHistoryEntry(TestAgent.Start, null, TicketActors.Dispatcher, action, from, view.Status, null));
}
