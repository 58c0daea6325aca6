using System.Net;
using System.Net.Http.Json;
using LineaHub.Schemas.Capacity;
using LineaHub.Schemas.Overflow;
using LineaHub.Schemas.Tickets;
using LineaHub.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LineaHub.Hub.Tests.Overflow;

public sealed class OverflowExchangeTests
{
    /// <summary>Settings for tests on a fake clock: reports stay fresh while the test moves time by minutes.</summary>
    private static readonly Dictionary<string, string?> FakeClockSettings = new()
    {
        ["Overflow:FreshWithinSeconds"] = "3600",
        ["Overflow:MaxQueueWaitSeconds"] = "120",
        ["Overflow:SweepIntervalSeconds"] = "2",
    };

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task An_offer_goes_to_the_shortest_expected_delay_reaches_only_that_inbox_and_accepting_makes_it_the_holder(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var admin = await hub.CreateAdminClientAsync();
        using var origin = await hub.OfficeAsync(admin, OverflowNetwork.Idle);
        using var busy = await hub.OfficeAsync(admin, new CapacityReport(2, 5, 300, true, true));
        using var idle = await hub.OfficeAsync(admin, OverflowNetwork.Idle);
        using var notCompetent = await hub.OfficeAsync(admin, new CapacityReport(9, 0, 60, true, true), competences: ["tributi"]);
        using var otherLanguage = await hub.OfficeAsync(admin, new CapacityReport(9, 0, 60, true, true), languages: ["de"]);
        using var notAccepting = await hub.OfficeAsync(admin, new CapacityReport(9, 0, 60, false, true));
        var ticket = await origin.OpenAsync();

        var offered = await origin.MovedAsync(ticket.Code, TicketActions.Offer);

        Assert.Equal(TicketStates.Offered, offered.Status);
        Assert.Equal(idle.Id, offered.Overflow?.OfferedTo?.NodeId);
        Assert.Equal(origin.Id, offered.Holder.NodeId);
        Assert.InRange(offered.Overflow!.OfferDeadlineAt!.Value - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(61));
        var offer = Assert.Single(await idle.InboxAsync());
        Assert.Equal((InboxKinds.Offer, ticket.Code, TicketStates.Offered), (offer.Kind, offer.TicketCode, offer.Ticket?.Status));
        Assert.Equal(offered.Overflow.OfferDeadlineAt, offer.DeadlineAt);
        foreach (var other in new[] { busy, notCompetent, otherLanguage, notAccepting, origin })
        {
            Assert.Empty(await other.InboxAsync());
        }

        Assert.Equal(1, (await NetworkAsync(admin)).Nodes.Single(n => n.Id == idle.Id).OffersAwaitingAnswer);

        var accepted = await idle.MovedAsync(ticket.Code, TicketActions.Accept);

        Assert.Equal((TicketStates.Accepted, idle.Id), (accepted.Status, accepted.Holder.NodeId));
        Assert.Null(accepted.Overflow?.OfferedTo);
        var news = Assert.Single(await origin.InboxAsync());
        Assert.Equal((InboxKinds.Status, TicketActions.Accept, TicketStates.Accepted), (news.Kind, news.Change?.Action, news.Change?.To));
        var network = await NetworkAsync(admin);
        Assert.Equal((0, 1), (network.Nodes.Single(n => n.Id == idle.Id).OffersAwaitingAnswer, network.Nodes.Single(n => n.Id == idle.Id).OverflowAcceptedLastHour));
        await origin.AcknowledgeAsync(news.Id);
        Assert.Empty(await origin.InboxAsync());
        Assert.Single(await idle.InboxAsync());
    }

    [Fact]
    public async Task The_holder_works_an_accepted_overflow_ticket_and_the_origin_sees_every_change()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var admin = await hub.CreateAdminClientAsync();
        using var origin = await hub.OfficeAsync(admin);
        using var receiver = await hub.OfficeAsync(admin, OverflowNetwork.Idle);
        var ticket = await origin.OpenAsync();
        await origin.MovedAsync(ticket.Code, TicketActions.Offer);
        await receiver.MovedAsync(ticket.Code, TicketActions.Accept);

        await receiver.MovedAsync(ticket.Code, TicketActions.Pend);
        await receiver.MovedAsync(ticket.Code, TicketActions.Resume);
        await receiver.MovedAsync(ticket.Code, TicketActions.Resolve);
        var closed = await origin.MovedAsync(ticket.Code, TicketActions.Close);

        Assert.Equal(TicketStates.Closed, closed.Status);
        Assert.Equal(
            [TicketActions.Accept, TicketActions.Pend, TicketActions.Resume, TicketActions.Resolve],
            (await origin.InboxAsync()).Select(m => m.Change!.Action));
        Assert.Equal(
            [InboxKinds.Offer + ":" + TicketActions.Offer, InboxKinds.Status + ":" + TicketActions.Close],
            (await receiver.InboxAsync()).Select(m => m.Kind + ":" + m.Change!.Action));
    }

    [Fact]
    public async Task With_no_eligible_office_the_ticket_waits_in_the_network_queue_is_offered_when_capacity_appears_or_goes_back_after_the_longest_wait()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite, FakeClockSettings, clock);
        var admin = await hub.CreateAdminClientAsync();
        using var origin = await hub.OfficeAsync(admin);
        using var silent = await hub.OfficeAsync(admin);
        var waiting = await origin.OpenAsync();
        var nobodyCompetent = await origin.OpenAsync(OverflowNetwork.TicketRequest() with { Category = "tributi.tari" });

        var queued = await origin.MovedAsync(waiting.Code, TicketActions.Offer);
        await origin.MovedAsync(nobodyCompetent.Code, TicketActions.Offer);

        Assert.Equal(TicketStates.Open, queued.Status);
        Assert.Equal(clock.GetUtcNow(), queued.Overflow?.QueuedSince);
        Assert.Equal(clock.GetUtcNow().AddSeconds(120), queued.Overflow?.ReturnAt);
        Assert.Equal(2, queued.Version);
        Assert.Equal(2, (await NetworkAsync(admin)).TicketsInNetworkQueue);

        await silent.ReportAsync(OverflowNetwork.Idle);
        clock.Advance(TimeSpan.FromSeconds(2));

        var offered = await origin.EventuallyAsync(waiting.Code, t => t.Status == TicketStates.Offered, "the queued ticket is offered to the office that reported capacity");
        Assert.Equal(silent.Id, offered.Overflow?.OfferedTo?.NodeId);
        Assert.Null(offered.Overflow?.QueuedSince);
        var dispatched = offered.History[^1];
        Assert.Equal((TicketActions.Offer, TicketActors.Dispatcher, (TicketParty?)null), (dispatched.Action, dispatched.Role, dispatched.Actor));
        Assert.Equal(InboxKinds.Offer, Assert.Single(await silent.InboxAsync()).Kind);
        Assert.Equal(TicketStates.Open, (await origin.TicketAsync(nobodyCompetent.Code)).Status);

        clock.Advance(TimeSpan.FromSeconds(120));

        var returned = await origin.EventuallyAsync(nobodyCompetent.Code, t => t.Overflow?.QueuedSince is null, "the ticket nobody could take goes back to its origin");
        Assert.Equal((TicketStates.Open, origin.Id), (returned.Status, returned.Holder.NodeId));
        Assert.Equal((TicketActions.Return, TicketActors.Dispatcher), (returned.History[^1].Action, returned.History[^1].Role));
        Assert.Contains(await origin.InboxAsync(), m => m.TicketCode == nobodyCompetent.Code && m.Change?.Action == TicketActions.Return);
    }

    [Fact]
    public async Task An_offer_unanswered_by_its_deadline_is_withdrawn_and_offered_to_the_next_office_never_again_to_the_first()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite, FakeClockSettings, clock);
        var admin = await hub.CreateAdminClientAsync();
        using var origin = await hub.OfficeAsync(admin);
        using var first = await hub.OfficeAsync(admin, OverflowNetwork.Idle);
        using var second = await hub.OfficeAsync(admin, new CapacityReport(3, 2, 300, true, true));
        var ticket = await origin.OpenAsync();
        var offered = await origin.MovedAsync(ticket.Code, TicketActions.Offer);
        Assert.Equal(first.Id, offered.Overflow?.OfferedTo?.NodeId);

        clock.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(300);
        Assert.Equal(first.Id, (await origin.TicketAsync(ticket.Code)).Overflow?.OfferedTo?.NodeId);
        clock.Advance(TimeSpan.FromSeconds(2));

        var again = await origin.EventuallyAsync(ticket.Code, t => t.Overflow?.OfferedTo?.NodeId == second.Id, "the offer moves to the second office");
        Assert.Equal(
            [("open", "origin", "open"), ("offer", "holder", "offered"), ("withdraw", "dispatcher", "declined"), ("offer", "dispatcher", "offered")],
            again.History.Select(h => (h.Action, h.Role, h.To)));
        Assert.Equal(2, again.Overflow!.Offers);
        Assert.Equal(
            [InboxKinds.Offer + ":" + TicketActions.Offer, InboxKinds.Status + ":" + TicketActions.Withdraw],
            (await first.InboxAsync()).Select(m => m.Kind + ":" + m.Change!.Action));
        using var late = await first.MoveAsync(ticket.Code, TicketActions.Accept);
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        Assert.Equal(again.Version, (await origin.TicketAsync(ticket.Code)).Version);

        // The second office lets it expire too: with the first excluded, nobody is left and the ticket waits in the queue.
        clock.Advance(TimeSpan.FromSeconds(61));

        var queued = await origin.EventuallyAsync(ticket.Code, t => t.Overflow?.QueuedSince is not null, "with every office tried, the ticket waits in the queue");
        Assert.Equal(TicketStates.Declined, queued.Status);
    }

    [Fact]
    public async Task A_decline_sends_the_ticket_straight_to_the_next_office_and_the_origin_may_take_it_back()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var admin = await hub.CreateAdminClientAsync();
        using var origin = await hub.OfficeAsync(admin);
        using var first = await hub.OfficeAsync(admin, OverflowNetwork.Idle);
        using var second = await hub.OfficeAsync(admin, new CapacityReport(3, 2, 300, true, true));
        var ticket = await origin.OpenAsync();
        await origin.MovedAsync(ticket.Code, TicketActions.Offer);

        var redispatched = await first.MovedAsync(ticket.Code, TicketActions.Decline);

        Assert.Equal((TicketStates.Offered, second.Id), (redispatched.Status, redispatched.Overflow?.OfferedTo?.NodeId));
        var queued = await second.MovedAsync(ticket.Code, TicketActions.Decline);
        Assert.Equal(TicketStates.Declined, queued.Status);
        Assert.NotNull(queued.Overflow?.QueuedSince);

        var taken = await origin.MovedAsync(ticket.Code, TicketActions.Return);

        Assert.Equal(TicketStates.Open, taken.Status);
        Assert.Null(taken.Overflow?.QueuedSince);
        Assert.Equal(
            [TicketActions.Decline + ">" + TicketStates.Declined, TicketActions.Offer + ">" + TicketStates.Offered, TicketActions.Decline + ">" + TicketStates.Declined],
            (await origin.InboxAsync()).Select(m => m.Change!.Action + ">" + m.Change.To));
    }

    [Fact]
    public async Task A_long_poll_returns_as_soon_as_a_message_arrives()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var admin = await hub.CreateAdminClientAsync();
        using var origin = await hub.OfficeAsync(admin);
        using var receiver = await hub.OfficeAsync(admin, OverflowNetwork.Idle);
        var ticket = await origin.OpenAsync();

        var polling = receiver.InboxAsync(waitSeconds: 25);
        await Task.Delay(500);
        Assert.False(polling.IsCompleted);
        await origin.MovedAsync(ticket.Code, TicketActions.Offer);

        // Had the poll not been woken, it would have returned empty after 25 s.
        Assert.Equal(ticket.Code, Assert.Single(await polling).TicketCode);
    }

    [Fact]
    public async Task Offering_a_ticket_one_does_not_hold_is_forbidden_and_bad_inbox_requests_are_told_apart_nothing_changes()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var admin = await hub.CreateAdminClientAsync();
        using var origin = await hub.OfficeAsync(admin);
        using var receiver = await hub.OfficeAsync(admin, OverflowNetwork.Idle);
        using var stranger = await hub.OfficeAsync(admin);
        var ticket = await origin.OpenAsync();
        await origin.MovedAsync(ticket.Code, TicketActions.Offer);
        var held = await receiver.MovedAsync(ticket.Code, TicketActions.Accept);

        using var byOrigin = await origin.MoveAsync(ticket.Code, TicketActions.Offer);
        using var byStranger = await stranger.MoveAsync(ticket.Code, TicketActions.Offer);
        using var byHolder = await receiver.MoveAsync(ticket.Code, TicketActions.Offer);
        using var longWait = await receiver.Client.GetAsync("/api/v1/inbox?waitSeconds=99");
        using var noUpTo = await receiver.Client.PostAsJsonAsync("/api/v1/inbox/ack", new { });
        using var anonymous = await hub.CreateClient().GetAsync("/api/v1/inbox");

        Assert.Equal(HttpStatusCode.Forbidden, byOrigin.StatusCode);
        Assert.Contains("in carico", (await byOrigin.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byStranger.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, byHolder.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, longWait.StatusCode);
        Assert.True((await longWait.ProblemAsync()).GetProperty("errors").TryGetProperty("waitSeconds", out _));
        Assert.Equal(HttpStatusCode.BadRequest, noUpTo.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(held.Version, (await origin.TicketAsync(ticket.Code)).Version);
        Assert.Single(await receiver.InboxAsync());
    }

    [Fact]
    public async Task Acknowledging_forgets_only_the_callers_messages_up_to_the_id()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var admin = await hub.CreateAdminClientAsync();
        using var origin = await hub.OfficeAsync(admin);
        using var receiver = await hub.OfficeAsync(admin, OverflowNetwork.Idle);
        var first = await origin.OpenAsync();
        var second = await origin.OpenAsync();
        await origin.MovedAsync(first.Code, TicketActions.Offer);
        await origin.MovedAsync(second.Code, TicketActions.Offer);
        var messages = await receiver.InboxAsync();
        Assert.Equal([first.Code, second.Code], messages.Select(m => m.TicketCode));

        await origin.AcknowledgeAsync(messages[^1].Id);
        await receiver.AcknowledgeAsync(messages[0].Id);

        Assert.Equal(second.Code, Assert.Single(await receiver.InboxAsync()).TicketCode);
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task A_message_committed_with_a_lower_id_after_a_read_survives_the_acknowledgement_of_that_read(StorageKind storage)
    {
        // On PostgreSQL ids come from a sequence: a transaction that drew id 999 may commit after 1000 was read.
        await using var hub = await HubServer.StartAsync(storage);
        var admin = await hub.CreateAdminClientAsync();
        using var office = await hub.OfficeAsync(admin);
        await InsertAsync(hub, office.Id, 1000);
        var read = Assert.Single(await office.InboxAsync());
        await InsertAsync(hub, office.Id, 999);

        await office.AcknowledgeAsync(read.Id);

        Assert.Equal(999, Assert.Single(await office.InboxAsync()).Id);
    }

    [Fact]
    public async Task Messages_left_unfetched_past_the_retention_are_pruned_newer_ones_stay()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite, time: clock);
        var admin = await hub.CreateAdminClientAsync();
        using var office = await hub.OfficeAsync(admin);
        await InsertAsync(hub, office.Id, 10, clock.GetUtcNow() - TimeSpan.FromDays(15));
        await InsertAsync(hub, office.Id, 11, clock.GetUtcNow() - TimeSpan.FromDays(13));

        int removed;
        await using (var scope = hub.Services.CreateAsyncScope())
        {
            removed = await scope.ServiceProvider.GetRequiredService<Hub.Overflow.InboxPruner>().PruneAsync(CancellationToken.None);
        }

        Assert.Equal(1, removed);
        Assert.Equal(11, Assert.Single(await office.InboxAsync()).Id);
    }

    [Fact]
    public async Task The_scheduled_housekeeping_job_prunes_the_inbox()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite, time: clock);
        var admin = await hub.CreateAdminClientAsync();
        using var office = await hub.OfficeAsync(admin);
        await InsertAsync(hub, office.Id, 10, clock.GetUtcNow() - TimeSpan.FromDays(15));
        var scheduler = await hub.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        var trigger = await scheduler.GetTrigger(new Quartz.TriggerKey("prune-inbox"));
        Assert.NotNull(trigger);

        await scheduler.TriggerJob(trigger.JobKey);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await office.InboxAsync()).Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the job did not prune the old message within 20 s");
            await Task.Delay(100);
        }
    }

    private static async Task<NetworkView> NetworkAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<NetworkView>("/api/v1/admin/network"))!;

    private static async Task InsertAsync(HubServer hub, Guid nodeId, long id, DateTimeOffset? at = null)
    {
        await using var db = hub.Database.CreateDbContext();
        var message = new InboxMessage(0, InboxKinds.Status, TicketCode.New().Value, at ?? DateTimeOffset.UtcNow);
        db.InboxEntries.Add(new Hub.Overflow.InboxEntry
        {
            Id = id,
            NodeId = nodeId,
            Kind = message.Kind,
            TicketCode = message.TicketCode,
            CreatedAt = message.CreatedAt,
            Payload = System.Text.Json.JsonSerializer.Serialize(message, System.Text.Json.JsonSerializerOptions.Web),
        });
        await db.SaveChangesAsync();
    }
}
