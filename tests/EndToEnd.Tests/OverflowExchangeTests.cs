using System.Net.Http.Json;
using LineaHub.NodeAgent.Cli;
using LineaHub.NodeAgent.Outbox;
using LineaHub.NodeAgent.Overflow;
using LineaHub.NodeAgent.Storage;
using LineaHub.NodeAgent.Tickets;
using LineaHub.Schemas.Handover;
using LineaHub.Schemas.Tickets;
using LineaHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LineaHub.EndToEnd.Tests;

public sealed class OverflowExchangeTests
{
    private static readonly CitizenContact Contact = new("Mario Rossi (sintetico)", "+39 333 000 0001", "test@example.invalid", "mattina");

    [Theory]
    [MemberData(nameof(JoinFlowTests.Providers), MemberType = typeof(JoinFlowTests))]
    public async Task A_busy_offices_ticket_goes_to_a_peer_that_reads_the_contact_and_nothing_of_it_is_left_after_closing(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage, new Dictionary<string, string?> { ["Capacity:ReportIntervalSeconds"] = "1" });

        // The origin is always over its threshold (one operator, five minutes a request): its policy offers every ticket.
        await using var offices = await TwoOffices.StartAsync(hub, hub.BaseAddress, new Dictionary<string, string?>
        {
            ["Overflow:ThresholdSeconds"] = "0",
            ["Overflow:EvaluateIntervalSeconds"] = "1",
        });

        var opened = await offices.OpenAsync(Contact);
        var offered = await Eventually.GetAsync(
            () => offices.ReceiverApi.GetFromJsonAsync<OverflowStatus>("api/v1/overflow"),
            status => status!.PendingOffers.Any(o => o.Code == opened.Code),
            "the offer reaching the receiver's inbox");
        using var receiverCli = new StringWriter();
        var cliExit = await AgentCli.RunAsync(["overflow", "status", "--agent", offices.Receiver.LocalApi.ToString()], receiverCli);
        await TwoOffices.MoveAsync(offices.ReceiverApi, opened.Code, TicketActions.Accept);
        var accepted = await Eventually.GetAsync(() => offices.ReceivedAsync(opened.Code), t => t?.Contact is not null, "the sealed contact reaching the receiver");
        await offices.OriginSeesAsync(opened.Code, TicketActions.Accept);

        await TwoOffices.MoveAsync(offices.ReceiverApi, opened.Code, TicketActions.Resolve);
        await offices.OriginSeesAsync(opened.Code, TicketActions.Resolve);
        await TwoOffices.MoveAsync(offices.OriginApi, opened.Code, TicketActions.Close);
        var closed = await Eventually.GetAsync(() => offices.ReceivedAsync(opened.Code), t => t?.Status == TicketStates.Closed, "the receiver learning of the close");

        Assert.Equal(TwoOffices.Category, offered!.PendingOffers.Single(o => o.Code == opened.Code).Category);
        Assert.Equal(0, cliExit);
        Assert.Contains("Offerte ricevute in attesa di risposta: 1", receiverCli.ToString(), StringComparison.Ordinal);
        Assert.Contains(opened.Code, receiverCli.ToString(), StringComparison.Ordinal);
        Assert.Equal(TicketStates.Accepted, accepted!.Status);
        Assert.Equal(Contact, accepted.Contact);
        Assert.False(closed!.ContactReceived);
        Assert.Null(closed.Contact);
        var own = offices.Origin.Services.GetRequiredService<OwnTicketStore>();
        Assert.Null(await offices.Origin.Services.GetRequiredService<AgentDatabase>().ReadAsync(
            transaction => own.FindContactAsync(transaction, opened.Code, CancellationToken.None), CancellationToken.None));
        await TicketFlowTests.WaitUntilDeliveredAsync(offices.Origin);
        var view = await offices.Origin.Services.GetRequiredService<LocalTickets>().GetAsync(opened.Code, CancellationToken.None);
        Assert.Equal(["open", "offer", "accept", "resolve", "close"], view.History.Select(h => h.Action));
        Assert.StartsWith("Offerta automatica", view.History[1].Reason, StringComparison.Ordinal);
        await using var db = hub.Database.CreateDbContext();
        Assert.Empty(db.TicketContacts);
    }

    [Theory]
    [MemberData(nameof(JoinFlowTests.Providers), MemberType = typeof(JoinFlowTests))]
    public async Task An_answer_given_while_the_hub_is_unreachable_and_the_agent_restarted_arrives_once(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage, new Dictionary<string, string?>
        {
            ["Capacity:ReportIntervalSeconds"] = "1",

            // The outage must not end the offer or make the receiver stale: what is tested is the agents' side.
            ["Overflow:OfferTimeoutSeconds"] = "600",
            ["Overflow:FreshWithinSeconds"] = "600",
        });
        await using var link = HubLink.Start(hub.BaseAddress);
        await using var offices = await TwoOffices.StartAsync(hub, link.Address);
        var opened = await offices.OpenAsync(Contact);
        await TwoOffices.MoveAsync(offices.OriginApi, opened.Code, TicketActions.Offer);
        await Eventually.GetAsync(() => offices.ReceivedAsync(opened.Code), t => t?.ContactReceived == true, "the offer and its sealed contact reaching the receiver");

        await link.CutAsync();
        await TwoOffices.MoveAsync(offices.ReceiverApi, opened.Code, TicketActions.Accept);
        await offices.RestartReceiverAsync();
        var whileCut = await offices.ReceivedAsync(opened.Code);
        var queued = await offices.Receiver.Services.GetRequiredService<OutboxStore>().CountPendingAsync(CancellationToken.None);
        link.Restore();
        await TicketFlowTests.WaitUntilDeliveredAsync(offices.Receiver);
        await offices.OriginSeesAsync(opened.Code, TicketActions.Accept);

        Assert.Equal(1, queued);
        Assert.Equal(TicketStates.Accepted, whileCut!.Status);
        Assert.Equal(Contact, whileCut.Contact);
        var view = await offices.Origin.Services.GetRequiredService<LocalTickets>().GetAsync(opened.Code, CancellationToken.None);
        Assert.Equal(["open", "offer", "accept"], view.History.Select(h => h.Action));
        Assert.Equal(TicketStates.Accepted, view.Status);
        Assert.Equal(["offer", "contact"], await TwoOffices.InboxKindsAsync(offices.Receiver, opened.Code));
        Assert.Equal(["seal-contact", "status"], await TwoOffices.InboxKindsAsync(offices.Origin, opened.Code));
        Assert.Equal(0, await offices.Receiver.Services.GetRequiredService<OutboxStore>().CountDeadAsync(CancellationToken.None));
        Assert.Equal(0, await offices.Origin.Services.GetRequiredService<OutboxStore>().CountDeadAsync(CancellationToken.None));
    }
}
