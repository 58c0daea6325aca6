using LineaHub.NodeAgent.Cli;
using LineaHub.NodeAgent.Overflow;
using LineaHub.Schemas.Capacity;
using LineaHub.Schemas.Overflow;
using LineaHub.Schemas.Tickets;
using static LineaHub.NodeAgent.Tests.Overflow.Tickets;

namespace LineaHub.NodeAgent.Tests.Overflow;

public sealed class OverflowStatusTextTests
{
    [Fact]
    public void The_command_line_shows_policy_wait_offers_and_tickets_in_italian()
    {
        var offered = new ReceivedTicket("LA-7K3M-9QXA", TicketStates.Offered, Category, TestAgent.Start.AddMinutes(1), TestAgent.Start, TestAgent.Start,
            true, View("LA-7K3M-9QXA", TicketStates.Offered, 2, Origin, offeredTo: Other));
        var own = new OwnTicket("LA-2345-6789", Category, TicketStates.Offered, 2, TestAgent.Start, TestAgent.Start, null, Other.Name, true);
        var status = new OverflowStatus(
            new OverflowPolicySettings(true, 600, ["anagrafe"], 6, false),
            new CapacityReport(2, 7, 300, true, true),
            1200,
            true,
            2,
            4,
            [offered],
            [own],
            [],
            [new InboxLogEntry(9, InboxKinds.Status, "LA-2345-6789", TicketActions.Accept, TicketStates.Offered, TicketStates.Accepted, "recorded",
                TestAgent.Start, TestAgent.Start)],
            new InboxPoll(TestAgent.Start, false, 0, "Connection refused"));
        using var output = new StringWriter();

        OverflowStatusText.Write(output, status);

        var text = output.ToString();
        Assert.Contains("sì, oltre 600 s di attesa prevista", text, StringComparison.Ordinal);
        Assert.Contains("Categorie escluse     anagrafe", text, StringComparison.Ordinal);
        Assert.Contains("6 al minuto: 2 nell'ultimo minuto, ancora 4", text, StringComparison.Ordinal);
        Assert.Contains("1200 s (oltre la soglia)", text, StringComparison.Ordinal);
        Assert.Contains("Offerte ricevute in attesa di risposta: 1", text, StringComparison.Ordinal);
        Assert.Contains("LA-7K3M-9QXA", text, StringComparison.Ordinal);
        Assert.Contains($"offerto a {Other.Name}", text, StringComparison.Ordinal);
        Assert.Contains("Ticket dell'ufficio in coda di rete: 0", text, StringComparison.Ordinal);
        Assert.Contains("lettura non riuscita", text, StringComparison.Ordinal);
        Assert.Contains("cambio di stato", text, StringComparison.Ordinal);
    }
}
