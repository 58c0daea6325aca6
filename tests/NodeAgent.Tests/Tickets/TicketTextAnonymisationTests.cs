using System.Text.Json;
using LineaHub.NodeAgent.Tickets;
using LineaHub.NodeAgent.Tests.Overflow;
using LineaHub.Schemas.Tickets;
using static LineaHub.NodeAgent.Tests.Overflow.Tickets;

namespace LineaHub.NodeAgent.Tests.Tickets;

public sealed class TicketTextAnonymisationTests
{
    // Obviously synthetic: the textbook fiscal code of "Mario Rossi" and a phone number of the 333 range.
    private const string FiscalCode = "RSSMRA80A01H501U";

    [Fact]
    public async Task A_summary_typed_with_personal_data_leaves_the_office_anonymised()
    {
        await using var agent = await TestAgent.CreateAsync();

        await agent.Get<LocalTickets>().OpenAsync(
            Request() with { Summary = $"Il sig. Mario Rossi, codice fiscale {FiscalCode}, chiede il rimborso della TARI" },
            null,
            CancellationToken.None);

        var sent = JsonSerializer.Deserialize<OpenTicketRequest>(Assert.Single(await agent.PendingAsync()).Body, JsonSerializerOptions.Web)!;
        Assert.DoesNotContain(FiscalCode, sent.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Rossi", sent.Summary, StringComparison.Ordinal);
        Assert.Contains("[CODICE_FISCALE]", sent.Summary, StringComparison.Ordinal);
        Assert.Contains("rimborso della TARI", sent.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reason_typed_with_a_phone_number_leaves_the_office_anonymised()
    {
        await using var agent = await TestAgent.CreateAsync();
        var opened = await agent.Get<LocalTickets>().OpenAsync(Request(), null, CancellationToken.None);

        await agent.Get<LocalTickets>().MoveAsync(opened.Code, new TicketEventRequest("cancel", "Richiamare il cittadino al 333 123 4567", null), CancellationToken.None);

        var moved = (await agent.PendingAsync()).Single(m => m.Kind == LocalTickets.MoveKind);
        var sent = JsonSerializer.Deserialize<TicketEventRequest>(moved.Body, JsonSerializerOptions.Web)!;
        Assert.Equal("Richiamare il cittadino al [TELEFONO]", sent.Reason);
    }
}
