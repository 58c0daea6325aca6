using System.Text.Json;
using LineaHub.NodeAgent.Outbox;
using LineaHub.NodeAgent.Overflow;
using LineaHub.NodeAgent.Tickets;
using LineaHub.Schemas.Capacity;
using LineaHub.NodeAgent.Capacity;
using LineaHub.Schemas.Tickets;
using static LineaHub.NodeAgent.Tests.Overflow.Tickets;

namespace LineaHub.NodeAgent.Tests.Overflow;

public sealed class OwnTicketsTests
{
    private static readonly Dictionary<string, string?> AlwaysOverThreshold = new()
    {
        ["Overflow:ThresholdSeconds"] = "0",
        ["Overflow:MaxOffersPerMinute"] = "2",
    };

    [Fact]
    public async Task A_ticket_opened_with_contact_data_tells_the_hub_only_that_there_is_one()
    {
        await using var agent = await TestAgent.CreateAsync();

        var opened = await agent.Get<LocalTickets>().OpenAsync(Request(), Contact, CancellationToken.None);

        var sent = Assert.Single(await agent.PendingAsync());
        var request = JsonSerializer.Deserialize<OpenTicketRequest>(sent.Body, JsonSerializerOptions.Web)!;
        Assert.True(request.HasContact);
        Assert.Equal(opened.Code, request.Code);
        Assert.DoesNotContain("Rossi", sent.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("example.invalid", sent.Body, StringComparison.Ordinal);
        Assert.Equal(1L, await agent.ScalarAsync("SELECT COUNT(*) FROM own_ticket_contacts WHERE code = $code;", ("$code", opened.Code)));
        Assert.Equal(TicketStates.Open, await agent.ScalarAsync("SELECT status FROM own_tickets WHERE code = $code;", ("$code", opened.Code)));
    }

    [Fact]
    public async Task Contact_data_without_a_way_to_call_back_is_refused_and_nothing_is_stored()
    {
        await using var agent = await TestAgent.CreateAsync();

        var refused = await Assert.ThrowsAsync<TicketRequestException>(() =>
            agent.Get<LocalTickets>().OpenAsync(Request(), Contact with { Phone = null, Email = " " }, CancellationToken.None));

        Assert.Contains("contact.phone", refused.Errors.Keys);
        Assert.False(refused.UnknownCodes);
        Assert.Empty(await agent.PendingAsync());
        Assert.Equal(0L, await agent.ScalarAsync("SELECT COUNT(*) FROM own_tickets;"));
    }

    [Fact]
    public async Task The_policy_offers_the_oldest_tickets_through_the_outbox_within_the_cap_and_never_twice()
    {
        await using var agent = await TestAgent.CreateAsync(AlwaysOverThreshold);
        var tickets = agent.Get<LocalTickets>();
        var offers = agent.Get<OverflowOffers>();
        List<string> codes = [];
        for (var i = 0; i < 3; i++)
        {
            codes.Add((await tickets.OpenAsync(Request(), null, CancellationToken.None)).Code);
            agent.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await offers.OfferDueAsync(CancellationToken.None);
        var capped = await offers.OfferDueAsync(CancellationToken.None);
        agent.Clock.Advance(OverflowPolicy.CapWindow);
        var next = await offers.OfferDueAsync(CancellationToken.None);
        agent.Clock.Advance(OverflowPolicy.CapWindow);
        var none = await offers.OfferDueAsync(CancellationToken.None);

        Assert.Equal(codes[..2], first);
        Assert.Empty(capped);
        Assert.Equal([codes[2]], next);
        Assert.Empty(none);
        var sentOffers = (await agent.PendingAsync()).Where(m => m.Kind == LocalTickets.MoveKind).ToList();
        Assert.Equal(codes.Select(c => $"api/v1/tickets/{c}/events"), sentOffers.Select(m => m.RelativePath));
        Assert.All(sentOffers, m => Assert.Equal(TicketActions.Offer, JsonSerializer.Deserialize<TicketEventRequest>(m.Body, JsonSerializerOptions.Web)!.Action));
    }

    [Fact]
    public async Task An_offer_made_by_hand_counts_against_the_cap()
    {
        await using var agent = await TestAgent.CreateAsync(new Dictionary<string, string?>(AlwaysOverThreshold) { ["Overflow:MaxOffersPerMinute"] = "1" });
        var tickets = agent.Get<LocalTickets>();
        var byHand = await tickets.OpenAsync(Request(), null, CancellationToken.None);
        await tickets.OpenAsync(Request(), null, CancellationToken.None);

        await tickets.MoveAsync(byHand.Code, new TicketEventRequest(TicketActions.Offer, null, null), CancellationToken.None);
        var byPolicy = await agent.Get<OverflowOffers>().OfferDueAsync(CancellationToken.None);
        var status = await agent.Get<OverflowStatusQuery>().GetAsync(CancellationToken.None);

        Assert.Empty(byPolicy);
        Assert.Equal((1, 0), (status.OffersLastMinute, status.OffersLeftThisMinute));
        Assert.Equal(byHand.Code, Assert.Single(status.OwnOffered).Code);
    }

    [Fact]
    public async Task Within_the_threshold_nothing_is_offered()
    {
        await using var agent = await TestAgent.CreateAsync(new Dictionary<string, string?> { ["Overflow:ThresholdSeconds"] = "600" });
        agent.Get<CapacityState>().Set(new CapacityReport(3, 2, 300, true, true));
        await agent.Get<LocalTickets>().OpenAsync(Request(), null, CancellationToken.None);

        Assert.Empty(await agent.Get<OverflowOffers>().OfferDueAsync(CancellationToken.None));
        Assert.False((await agent.Get<OverflowStatusQuery>().GetAsync(CancellationToken.None)).OverThreshold);
    }

    [Fact]
    public async Task The_hubs_answer_to_an_offer_shows_the_ticket_waiting_in_the_network_queue()
    {
        await using var agent = await TestAgent.CreateAsync();
        var opened = await agent.Get<LocalTickets>().OpenAsync(Request(), null, CancellationToken.None);
        var offer = await agent.Get<LocalTickets>().MoveAsync(opened.Code, new TicketEventRequest(TicketActions.Offer, null, null), CancellationToken.None);
        var message = (await agent.Get<OutboxStore>().FindAsync(offer.OutboxId, CancellationToken.None))!;
        var queued = View(opened.Code, TicketStates.Open, 2, agent.Self, origin: agent.Self) with
        {
            Overflow = new TicketOverflow(null, null, TestAgent.Start, TestAgent.Start.AddMinutes(10), 0),
        };

        var listener = agent.Get<IEnumerable<IOutboxDeliveryListener>>().OfType<TicketDeliveries>().Single();
        await listener.OnDeliveredAsync(message, JsonSerializer.Serialize(queued, JsonSerializerOptions.Web), CancellationToken.None);
        await listener.OnDeliveredAsync(message, "not json", CancellationToken.None);
        var status = await agent.Get<OverflowStatusQuery>().GetAsync(CancellationToken.None);

        Assert.Empty(status.OwnOffered);
        var waiting = Assert.Single(status.OwnQueued);
        Assert.Equal((opened.Code, TicketStates.Open, TestAgent.Start), (waiting.Code, waiting.Status, waiting.QueuedSince));
    }
}
