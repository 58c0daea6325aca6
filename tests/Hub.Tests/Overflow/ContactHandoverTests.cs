using System.Net;
using System.Net.Http.Json;
using LineaHub.Schemas.Capacity;
using LineaHub.Schemas.Handover;
using LineaHub.Schemas.Overflow;
using LineaHub.Schemas.Tickets;
using LineaHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace LineaHub.Hub.Tests.Overflow;

public sealed class ContactHandoverTests
{
    // Obviously synthetic contact data.
    private static readonly CitizenContact Contact = new("Cittadino Sintetico Prova", "+39 333 000 0001", "cittadino.sintetico@example.invalid", "mattina");

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Contact_data_reaches_only_the_receiver_the_hub_stores_only_ciphertext_and_forgets_it_when_the_ticket_leaves_or_closes(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var admin = await hub.CreateAdminClientAsync();
        using var origin = await hub.OfficeAsync(admin);
        using var first = await hub.OfficeAsync(admin, OverflowNetwork.Idle);
        using var second = await hub.OfficeAsync(admin, new CapacityReport(3, 2, 300, true, true));
        var ticket = await origin.OpenAsync(OverflowNetwork.TicketRequest(hasContact: true));
        Assert.True(ticket.HasContact);

        await origin.MovedAsync(ticket.Code, TicketActions.Offer);

        var seal = Assert.Single(await origin.InboxAsync(), m => m.Kind == InboxKinds.SealContact);
        Assert.Equal(first.Id, seal.Receiver?.NodeId);
        Assert.Equal(first.Node.EncryptionKey.KeyId, seal.ReceiverKey?.Kid);
        var envelope = Contact.SealFor(seal.ReceiverKey!);
        await UploadAsync(origin, ticket.Code, first.Id, envelope, HttpStatusCode.NoContent);

        var delivered = Assert.Single(await first.InboxAsync(), m => m.Kind == InboxKinds.Contact);
        Assert.Equal(Contact, CitizenContact.OpenWith(delivered.Envelope!, first.Node.EncryptionKey.Key.ExportParameters(includePrivateParameters: true)));
        var stored = await hub.EverythingStoredAsync();
        Assert.Contains(envelope, stored, StringComparison.Ordinal);
        AssertNoPlaintext(stored);

        // Declined: the envelope only the first office could open is deleted, and the origin is asked to seal again.
        await first.MovedAsync(ticket.Code, TicketActions.Decline);

        Assert.DoesNotContain(envelope, await hub.EverythingStoredAsync(), StringComparison.Ordinal);
        var reseal = Assert.Single(await origin.InboxAsync(), m => m.Kind == InboxKinds.SealContact && m.Receiver?.NodeId == second.Id);
        Assert.Equal(second.Node.EncryptionKey.KeyId, reseal.ReceiverKey?.Kid);
        await UploadAsync(origin, ticket.Code, second.Id, Contact.SealFor(reseal.ReceiverKey!), HttpStatusCode.NoContent);
        await second.MovedAsync(ticket.Code, TicketActions.Accept);
        await second.MovedAsync(ticket.Code, TicketActions.Resolve);
        Assert.Equal(1, await CountContactsAsync(hub));
        AssertNoPlaintext(await hub.EverythingStoredAsync());

        await origin.MovedAsync(ticket.Code, TicketActions.Close);

        Assert.Equal(0, await CountContactsAsync(hub));
    }

    [Fact]
    public async Task Contact_uploads_from_the_wrong_office_for_a_former_receiver_or_for_another_key_are_refused_and_store_nothing()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var admin = await hub.CreateAdminClientAsync();
        using var origin = await hub.OfficeAsync(admin);
        using var receiver = await hub.OfficeAsync(admin, OverflowNetwork.Idle);
        using var other = await hub.OfficeAsync(admin);
        var ticket = await origin.OpenAsync(OverflowNetwork.TicketRequest(hasContact: true));
        var withoutContact = await origin.OpenAsync();
        await origin.MovedAsync(ticket.Code, TicketActions.Offer);
        await origin.MovedAsync(withoutContact.Code, TicketActions.Offer);
        var forReceiver = Contact.SealFor(receiver.Node.EncryptionKey.Public);
        var forOther = Contact.SealFor(other.Node.EncryptionKey.Public);

        await UploadAsync(receiver, ticket.Code, receiver.Id, forReceiver, HttpStatusCode.Forbidden);
        var moved = await UploadAsync(origin, ticket.Code, other.Id, forOther, HttpStatusCode.Gone);
        await UploadAsync(origin, withoutContact.Code, receiver.Id, forReceiver, HttpStatusCode.Conflict);
        var wrongKey = await UploadAsync(origin, ticket.Code, receiver.Id, forOther, HttpStatusCode.UnprocessableEntity);
        var garbage = await UploadAsync(origin, ticket.Code, receiver.Id, "not.a.jwe.at.all", HttpStatusCode.UnprocessableEntity);
        var missing = await UploadAsync(origin, ticket.Code, null, null, HttpStatusCode.BadRequest);

        Assert.Contains("non servono più", moved, StringComparison.Ordinal);
        Assert.Contains("altra chiave", wrongKey, StringComparison.Ordinal);
        Assert.Contains("envelope", garbage, StringComparison.Ordinal);
        Assert.Contains("receiverNodeId", missing, StringComparison.Ordinal);
        Assert.Equal(0, await CountContactsAsync(hub));
        Assert.DoesNotContain(await receiver.InboxAsync(), m => m.Kind == InboxKinds.Contact);
    }

    private static async Task<string> UploadAsync(Office office, string code, Guid? receiver, string? envelope, HttpStatusCode expected)
    {
        using var response = await office.Client.PutAsJsonAsync($"/api/v1/tickets/{code}/contact", new ContactUploadRequest(receiver, envelope));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {expected}, got {(int)response.StatusCode}: {body}");
        return body;
    }

    private static async Task<int> CountContactsAsync(HubServer hub)
    {
        await using var db = hub.Database.CreateDbContext();
        return await db.TicketContacts.CountAsync();
    }

    private static void AssertNoPlaintext(string stored)
    {
        Assert.DoesNotContain("Sintetico Prova", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("333 000 0001", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("example.invalid", stored, StringComparison.Ordinal);
    }
}
