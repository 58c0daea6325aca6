using System.Text.Json;
using LineaHub.NodeAgent.Join;
using LineaHub.NodeAgent.Overflow;
using LineaHub.NodeAgent.Tickets;
using LineaHub.Schemas.Auth;
using LineaHub.Schemas.Handover;
using LineaHub.Schemas.Overflow;
using LineaHub.Schemas.Tickets;
using static LineaHub.NodeAgent.Tests.Overflow.Tickets;

namespace LineaHub.NodeAgent.Tests.Overflow;

public sealed class InboxHandlerTests
{
    [Fact]
    public async Task An_offer_handled_twice_is_recorded_once()
    {
        await using var agent = await TestAgent.CreateAsync();
        var handler = agent.Get<InboxHandler>();
        var offer = Offer(41, TicketCode.New().Value, agent.Self);

        var first = await handler.HandleAsync(agent.NodeId, offer, CancellationToken.None);
        var again = await handler.HandleAsync(agent.NodeId, offer, CancellationToken.None);

        Assert.True(first);
        Assert.False(again);
        var received = Assert.Single(await agent.Get<ReceivedTickets>().ListAsync(null, null, CancellationToken.None));
        Assert.Equal((offer.TicketCode, TicketStates.Offered, offer.DeadlineAt), (received.Code, received.Status, received.DeadlineAt));
        Assert.Equal(1L, await agent.ScalarAsync("SELECT COUNT(*) FROM inbox_log;"));
        Assert.Empty(await agent.PendingAsync());
    }

    [Fact]
    public async Task With_auto_accept_an_offer_seen_twice_queues_one_accept()
    {
        await using var agent = await TestAgent.CreateAsync(new Dictionary<string, string?> { ["Overflow:AutoAccept"] = "true" });
        var handler = agent.Get<InboxHandler>();
        var offer = Offer(7, TicketCode.New().Value, agent.Self);

        await handler.HandleAsync(agent.NodeId, offer, CancellationToken.None);
        await handler.HandleAsync(agent.NodeId, offer, CancellationToken.None);

        var accept = Assert.Single(await agent.PendingAsync());
        Assert.Equal($"api/v1/tickets/{offer.TicketCode}/events", accept.RelativePath);
        Assert.Equal(TicketActions.Accept, JsonSerializer.Deserialize<TicketEventRequest>(accept.Body, JsonSerializerOptions.Web)!.Action);
        Assert.Equal(TicketStates.Accepted, (await agent.Get<ReceivedTickets>().GetAsync(offer.TicketCode, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Seal_contact_seals_the_offices_contact_for_the_receiver_and_queues_one_upload()
    {
        await using var agent = await TestAgent.CreateAsync();
        using var receiverKey = AgentKey.Generate(PublicJwk.UseEncryption);
        var opened = await agent.Get<LocalTickets>().OpenAsync(Request(), Contact, CancellationToken.None);
        var seal = new InboxMessage(3, InboxKinds.SealContact, opened.Code, TestAgent.Start, Receiver: Other, ReceiverKey: receiverKey.Public);

        await agent.Get<InboxHandler>().HandleAsync(agent.NodeId, seal, CancellationToken.None);
        await agent.Get<InboxHandler>().HandleAsync(agent.NodeId, seal, CancellationToken.None);

        var pending = await agent.PendingAsync();
        Assert.Equal([LocalTickets.OpenKind, InboxHandler.ContactKind], pending.Select(m => m.Kind));
        var upload = pending[1];
        Assert.Equal(HttpMethod.Put, upload.Method);
        Assert.Equal($"api/v1/tickets/{opened.Code}/contact", upload.RelativePath);
        Assert.DoesNotContain("333 000 0001", upload.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Rossi", upload.Body, StringComparison.Ordinal);
        var request = JsonSerializer.Deserialize<ContactUploadRequest>(upload.Body, JsonSerializerOptions.Web)!;
        Assert.Equal(Other.NodeId, request.ReceiverNodeId);
        Assert.Equal(Contact, CitizenContact.OpenWith(request.Envelope!, receiverKey.Key.ExportParameters(includePrivateParameters: true)));
    }

    [Fact]
    public async Task Seal_contact_with_a_key_not_named_by_its_thumbprint_is_passed_over()
    {
        await using var agent = await TestAgent.CreateAsync();
        using var receiverKey = AgentKey.Generate(PublicJwk.UseEncryption);
        var opened = await agent.Get<LocalTickets>().OpenAsync(Request(), Contact, CancellationToken.None);
        var forged = receiverKey.Public with { Kid = "another-key" };

        var handled = await agent.Get<InboxHandler>().HandleAsync(
            agent.NodeId, new InboxMessage(3, InboxKinds.SealContact, opened.Code, TestAgent.Start, Receiver: Other, ReceiverKey: forged), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(LocalTickets.OpenKind, Assert.Single(await agent.PendingAsync()).Kind);
        Assert.Equal("ignored: unusable receiver key", await agent.ScalarAsync("SELECT outcome FROM inbox_log WHERE message_id = 3;"));
        Assert.NotNull(InboxHandler.KeyProblem(forged));
        Assert.NotNull(InboxHandler.KeyProblem(receiverKey.Public with { Use = PublicJwk.UseSignature }));
        Assert.Null(InboxHandler.KeyProblem(receiverKey.Public));
    }

    [Fact]
    public async Task The_offices_contact_data_is_deleted_when_its_ticket_closes()
    {
        await using var agent = await TestAgent.CreateAsync();
        using var receiverKey = AgentKey.Generate(PublicJwk.UseEncryption);
        var opened = await agent.Get<LocalTickets>().OpenAsync(Request(), Contact, CancellationToken.None);
        var handler = agent.Get<InboxHandler>();

        await handler.HandleAsync(agent.NodeId,
            Status(10, View(opened.Code, TicketStates.Closed, 6, Other, origin: agent.Self), TicketActions.Close, TicketStates.Resolved), CancellationToken.None);
        await handler.HandleAsync(agent.NodeId,
            new InboxMessage(11, InboxKinds.SealContact, opened.Code, TestAgent.Start, Receiver: Other, ReceiverKey: receiverKey.Public), CancellationToken.None);

        Assert.Equal(0L, await agent.ScalarAsync("SELECT COUNT(*) FROM own_ticket_contacts;"));
        Assert.Equal(TicketStates.Closed, await agent.ScalarAsync("SELECT status FROM own_tickets WHERE code = $code;", ("$code", opened.Code)));
        Assert.Equal("ignored: no contact data", await agent.ScalarAsync("SELECT outcome FROM inbox_log WHERE message_id = 11;"));
        Assert.Equal(LocalTickets.OpenKind, Assert.Single(await agent.PendingAsync()).Kind);
    }

    [Fact]
    public async Task A_received_envelope_opens_on_read_and_is_dropped_when_the_offer_is_withdrawn()
    {
        await using var agent = await TestAgent.CreateAsync();
        var handler = agent.Get<InboxHandler>();
        var received = agent.Get<ReceivedTickets>();
        var offer = Offer(20, TicketCode.New().Value, agent.Self);
        await handler.HandleAsync(agent.NodeId, offer, CancellationToken.None);

        await handler.HandleAsync(agent.NodeId,
            new InboxMessage(21, InboxKinds.Contact, offer.TicketCode, TestAgent.Start, Envelope: Contact.SealFor(agent.EncryptionKey.Public)), CancellationToken.None);
        var read = await received.GetAsync(offer.TicketCode, CancellationToken.None);
        var stored = await agent.ScalarAsync("SELECT envelope FROM received_tickets;");
        await handler.HandleAsync(agent.NodeId,
            Status(22, View(offer.TicketCode, TicketStates.Declined, 3, Origin), TicketActions.Withdraw, TicketStates.Offered), CancellationToken.None);
        var afterWithdraw = await received.GetAsync(offer.TicketCode, CancellationToken.None);

        Assert.Equal(Contact, read!.Contact);
        Assert.True(read.ContactReceived);
        Assert.DoesNotContain("Rossi", (string)stored!, StringComparison.Ordinal);
        Assert.Equal(TicketStates.Declined, afterWithdraw!.Status);
        Assert.False(afterWithdraw.ContactReceived);
        Assert.Null(afterWithdraw.Contact);
        Assert.Equal(DBNull.Value, await agent.ScalarAsync("SELECT envelope FROM received_tickets;"));
    }

    [Fact]
    public async Task An_envelope_sealed_for_another_key_is_reported_not_opened()
    {
        await using var agent = await TestAgent.CreateAsync();
        using var otherKey = AgentKey.Generate(PublicJwk.UseEncryption);
        var offer = Offer(20, TicketCode.New().Value, agent.Self);
        await agent.Get<InboxHandler>().HandleAsync(agent.NodeId, offer, CancellationToken.None);
        await agent.Get<InboxHandler>().HandleAsync(agent.NodeId,
            new InboxMessage(21, InboxKinds.Contact, offer.TicketCode, TestAgent.Start, Envelope: Contact.SealFor(otherKey.Public)), CancellationToken.None);

        var read = await agent.Get<ReceivedTickets>().GetAsync(offer.TicketCode, CancellationToken.None);

        Assert.Null(read!.Contact);
        Assert.Equal("L'involucro è cifrato per un'altra chiave.", read.ContactProblem);
    }

    [Fact]
    public async Task Declining_an_offer_drops_its_envelope_at_once()
    {
        await using var agent = await TestAgent.CreateAsync();
        var offer = Offer(30, TicketCode.New().Value, agent.Self);
        await agent.Get<InboxHandler>().HandleAsync(agent.NodeId, offer, CancellationToken.None);
        await agent.Get<InboxHandler>().HandleAsync(agent.NodeId,
            new InboxMessage(31, InboxKinds.Contact, offer.TicketCode, TestAgent.Start, Envelope: Contact.SealFor(agent.EncryptionKey.Public)), CancellationToken.None);

        await agent.Get<LocalTickets>().MoveAsync(offer.TicketCode, new TicketEventRequest(TicketActions.Decline, "Nessun operatore libero", null), CancellationToken.None);

        var read = await agent.Get<ReceivedTickets>().GetAsync(offer.TicketCode, CancellationToken.None);
        Assert.Equal(TicketStates.Declined, read!.Status);
        Assert.False(read.ContactReceived);
        Assert.Equal(LocalTickets.MoveKind, Assert.Single(await agent.PendingAsync()).Kind);
    }

    [Fact]
    public async Task Contact_data_for_a_ticket_not_with_this_office_is_not_kept()
    {
        await using var agent = await TestAgent.CreateAsync();
        var code = TicketCode.New().Value;

        await agent.Get<InboxHandler>().HandleAsync(agent.NodeId,
            new InboxMessage(1, InboxKinds.Contact, code, TestAgent.Start, Envelope: Contact.SealFor(agent.EncryptionKey.Public)), CancellationToken.None);

        Assert.Null(await agent.Get<ReceivedTickets>().GetAsync(code, CancellationToken.None));
        Assert.Equal("ignored: ticket not with this office", await agent.ScalarAsync("SELECT outcome FROM inbox_log;"));
    }

    [Fact]
    public async Task An_older_view_arriving_late_changes_nothing()
    {
        await using var agent = await TestAgent.CreateAsync();
        var handler = agent.Get<InboxHandler>();
        var offer = Offer(1, TicketCode.New().Value, agent.Self, version: 2);
        await handler.HandleAsync(agent.NodeId, offer, CancellationToken.None);

        await handler.HandleAsync(agent.NodeId,
            Status(3, View(offer.TicketCode, TicketStates.Cancelled, 4, Origin), TicketActions.Cancel, TicketStates.Offered), CancellationToken.None);
        await handler.HandleAsync(agent.NodeId, Offer(2, offer.TicketCode, agent.Self, version: 3), CancellationToken.None);

        Assert.Equal(TicketStates.Cancelled, (await agent.Get<ReceivedTickets>().GetAsync(offer.TicketCode, CancellationToken.None))!.Status);
        Assert.Equal(["recorded", "unchanged", "recorded"], await agent.InboxOutcomesAsync());
    }

    [Theory]
    [InlineData("LA-0000-0000", InboxKinds.Offer, "ignored: malformed ticket code")]
    [InlineData(null, "promotion", "ignored: unknown kind")]
    [InlineData(null, InboxKinds.Status, "ignored: incomplete")]
    public async Task A_message_the_agent_cannot_use_is_logged_and_passed_over(string? code, string kind, string outcome)
    {
        await using var agent = await TestAgent.CreateAsync();

        var handled = await agent.Get<InboxHandler>().HandleAsync(
            agent.NodeId, new InboxMessage(5, kind, code ?? TicketCode.New().Value, TestAgent.Start), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(outcome, await agent.ScalarAsync("SELECT outcome FROM inbox_log WHERE message_id = 5;"));
    }
}
