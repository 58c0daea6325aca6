using LineaHub.NodeAgent.Connection;
using LineaHub.NodeAgent.Overflow;
using LineaHub.NodeAgent.Tickets;
using LineaHub.Schemas.Tickets;
using static LineaHub.NodeAgent.Tests.Overflow.Tickets;

namespace LineaHub.NodeAgent.Tests.Overflow;

public sealed class InboxConsumerTests
{
    [Fact]
    public async Task A_poll_records_every_message_then_acknowledges_up_to_the_last()
    {
        await using var hub = await FakeInboxHub.StartAsync();
        await using var agent = await TestAgent.CreateAsync(hubUrl: hub.BaseAddress);
        var first = TicketCode.New().Value;
        var second = TicketCode.New().Value;
        hub.Post(Offer(12, second, agent.Self), Offer(11, first, agent.Self));

        var page = await agent.Get<InboxConsumer>().PollOnceAsync(CancellationToken.None);
        var handled = agent.Get<InboxState>().Last!.Handled;
        var empty = await agent.Get<InboxConsumer>().PollOnceAsync(CancellationToken.None);

        Assert.Equal(2, page.Messages.Count);
        Assert.Equal(2, handled);
        Assert.Empty(empty.Messages);
        Assert.Equal([12L], hub.Acknowledged);
        var received = await agent.Get<ReceivedTickets>().ListAsync(null, null, CancellationToken.None);
        Assert.Equal(new[] { first, second }.Order(), received.Select(t => t.Code).Order());
        Assert.Equal([11L, 12L], await agent.InboxMessageIdsAsync());
    }

    [Fact]
    public async Task A_page_delivered_again_after_a_lost_acknowledgement_changes_nothing()
    {
        await using var hub = await FakeInboxHub.StartAsync();
        await using var agent = await TestAgent.CreateAsync(new Dictionary<string, string?> { ["Overflow:AutoAccept"] = "true" }, hub.BaseAddress);
        var offer = Offer(5, TicketCode.New().Value, agent.Self);
        hub.Post(offer);
        hub.LoseNextAcknowledgement();

        await Assert.ThrowsAsync<HubProblemException>(() => agent.Get<InboxConsumer>().PollOnceAsync(CancellationToken.None));
        var again = await agent.Get<InboxConsumer>().PollOnceAsync(CancellationToken.None);

        Assert.Single(again.Messages);
        Assert.Equal(0, agent.Get<InboxState>().Last!.Handled);
        Assert.Equal([5L], hub.Acknowledged);
        var accept = Assert.Single(await agent.PendingAsync());
        Assert.Equal(LocalTickets.MoveKind, accept.Kind);
        Assert.Single(await agent.Get<ReceivedTickets>().ListAsync(TicketStates.Accepted, null, CancellationToken.None));
    }
}
