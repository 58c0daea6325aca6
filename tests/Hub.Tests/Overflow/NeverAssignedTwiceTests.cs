using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LineaHub.Hub.Overflow;
using LineaHub.Schemas.Overflow;
using LineaHub.Schemas.Tickets;
using LineaHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace LineaHub.Hub.Tests.Overflow;

/// <summary>
/// Two hub processes on one PostgreSQL database, each with its own sweeper, and offices calling both at once:
/// whatever races, every ticket ends with one office, and no office was ever told a ticket was offered to it
/// while it was offered to another.
/// </summary>
public sealed class NeverAssignedTwiceTests
{
    private const int Tickets = 40;

    [Fact]
    public async Task Concurrent_dispatches_from_two_hub_processes_never_hand_one_ticket_to_two_offices()
    {
        var keys = TemporaryFolder.Create("hub-keys");
        var dataB = TemporaryFolder.Create("hub-b");
        try
        {
            var shared = new Dictionary<string, string?>
            {
                ["Auth:Issuer"] = "http://lineahub.test/",
                ["Auth:KeysDirectory"] = keys,
                ["Overflow:SweepIntervalSeconds"] = "1",
            };
            await using var hubA = await HubServer.StartAsync(StorageKind.Postgres, shared);
            await using var hubB = await HubProcess.StartAsync(new Dictionary<string, string?>(shared)
            {
                ["Storage:Provider"] = "Postgres",
                ["Storage:ConnectionString"] = hubA.Database.ConnectionString,
                ["Storage:DataDirectory"] = dataB,
                ["Auth:AllowInsecureHttp"] = "true",
            });
            var admin = await hubA.CreateAdminClientAsync();
            using var origin = await hubA.OfficeAsync(admin);
            var receivers = new List<Office>();
            for (var i = 0; i < 4; i++)
            {
                receivers.Add(await hubA.OfficeAsync(admin));
            }

            var originB = Through(hubB, origin);
            var codes = new List<string>();
            for (var i = 0; i < Tickets; i++)
            {
                var ticket = await origin.OpenAsync();
                await origin.MovedAsync(ticket.Code, TicketActions.Offer);
                codes.Add(ticket.Code);
            }

            // Nobody had capacity: every ticket is queued. Now capacity appears while both sweepers run and the
            // origin offers every ticket again, twice through each hub, all at the same moment. (Checked: with the version
            // check and the one-pending-offer index both removed, this test fails — two pending offers for one ticket.)
            await Task.WhenAll(receivers.Select(r => r.ReportAsync(OverflowNetwork.Idle)));
            await Task.WhenAll(codes.SelectMany(code => new[] { Offer(origin.Client, code), Offer(originB, code), Offer(origin.Client, code), Offer(originB, code) }));
            await EventuallyAllOfferedAsync(hubA);

            // Every receiver tries to accept every ticket, half through each hub, all at once.
            var attempts = codes.SelectMany(code => receivers.Select((r, i) => (code, r, client: i % 2 == 0 ? r.Client : Through(hubB, r)))).ToList();
            var results = await Task.WhenAll(attempts.Select(async a =>
            {
                using var response = await a.client.PostAsJsonAsync($"/api/v1/tickets/{a.code}/events", new TicketEventRequest(TicketActions.Accept, null, null));
                return (a.code, a.r.Id, response.StatusCode);
            }));

            await using var db = hubA.Database.CreateDbContext();
            var offers = await db.OverflowOffers.AsNoTracking().ToListAsync();
            var tickets = await db.Tickets.AsNoTracking().Include(t => t.History).Where(t => codes.Contains(t.Code)).ToListAsync();
            var offerMessages = new List<(Guid Node, InboxMessage Message)>();
            foreach (var receiver in receivers)
            {
                offerMessages.AddRange((await receiver.InboxAsync()).Where(m => m.Kind == InboxKinds.Offer).Select(m => (receiver.Id, m)));
            }

            Assert.Equal(Tickets, tickets.Count);
            foreach (var ticket in tickets)
            {
                var mine = offers.Where(o => o.TicketId == ticket.Id).ToList();
                var accepted = Assert.Single(mine, o => o.Outcome == OfferOutcomes.Accepted);
                Assert.DoesNotContain(mine, o => o.Outcome == OfferOutcomes.Pending);
                Assert.Equal((TicketStates.Accepted, accepted.NodeId), (ticket.Status, ticket.HolderNodeId));
                Assert.Equal(accepted.NodeId, Assert.Single(results, r => r.code == ticket.Code && r.StatusCode == HttpStatusCode.OK).Id);
                Assert.Equal(mine.Count, ticket.History.Count(h => h.Action == TicketActions.Offer));
                Assert.Equal(mine.Count, ticket.OffersMade);
                Assert.Single(ticket.History, h => h.Action == TicketActions.Accept);
                Assert.Equal(
                    mine.Select(o => o.NodeId).Order(),
                    offerMessages.Where(m => m.Message.TicketCode == ticket.Code).Select(m => m.Node).Order());
            }

            Assert.All(results, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Conflict }));
        }
        finally
        {
            TemporaryFolder.TryDelete(keys);
            TemporaryFolder.TryDelete(dataB);
        }
    }

    /// <summary>The same office's token, used against the other hub process.</summary>
    private static HttpClient Through(HubProcess hub, Office office)
    {
        var client = hub.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", office.Client.DefaultRequestHeaders.Authorization!.Parameter);
        return client;
    }

    private static async Task Offer(HttpClient client, string code)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/tickets/{code}/events", new TicketEventRequest(TicketActions.Offer, null, null));

        // Offered, refused because it already was (409), or lost the race to the other hub (409, transient).
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task EventuallyAllOfferedAsync(HubServer hub)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = hub.Database.CreateDbContext();
            var waiting = await db.Tickets.CountAsync(t => t.Status != TicketStates.Offered);
            if (waiting == 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{waiting} tickets still not offered after 30 s");
            await Task.Delay(200);
        }
    }
}
