using System.Net;
using System.Net.Http.Json;
using LineaHub.NodeAgent.Join;
using LineaHub.NodeAgent.Outbox;
using LineaHub.NodeAgent.Tickets;
using LineaHub.Schemas.Handover;
using LineaHub.Schemas.Nodes;
using LineaHub.Schemas.Tickets;
using LineaHub.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LineaHub.EndToEnd.Tests;

public sealed class TicketFlowTests
{
    internal static OpenTicketRequest Request() =>
        new("ambiente-rifiuti.raccolta", "telefono", "segnalazione", "Mancato ritiro degli ingombranti prenotati", DateTimeOffset.UtcNow.AddDays(5));

    [Theory]
    [MemberData(nameof(JoinFlowTests.Providers), MemberType = typeof(JoinFlowTests))]
    public async Task Ticket_opened_while_the_agent_is_down_reaches_the_hub_once_and_in_order_after_a_restart(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var code = await Offices.LAquilaAsync(await hub.CreateAdminClientAsync());
        var first = AgentHost.Create();
        TicketQueued opened;
        try
        {
            await first.Services.GetRequiredService<JoinService>().JoinAsync(hub.BaseAddress, code, force: false, CancellationToken.None);
            var tickets = first.Services.GetRequiredService<LocalTickets>();

            // The agent is not running: nothing is sent, but the office already has the final code.
            opened = await tickets.OpenAsync(Request(), contact: null, CancellationToken.None);
            await tickets.MoveAsync(opened.Code, new TicketEventRequest(TicketActions.Accept, "preso in carico", 1), CancellationToken.None);
            Assert.Equal(2, await first.Services.GetRequiredService<OutboxStore>().CountPendingAsync(CancellationToken.None));
        }
        finally
        {
            await first.DisposeAsync();
        }

        var restarted = AgentHost.Create(first.DataDirectory);
        try
        {
            await restarted.App.StartAsync();
            await WaitUntilDeliveredAsync(restarted);
            var view = await restarted.Services.GetRequiredService<LocalTickets>().GetAsync(opened.Code, CancellationToken.None);

            Assert.Equal(TicketStates.Accepted, view.Status);
            Assert.Equal(["open", "accept"], view.History.Select(h => h.Action));
            Assert.Single((await restarted.Services.GetRequiredService<LocalTickets>().ListAsync(null, null, null, CancellationToken.None)).Items);
        }
        finally
        {
            await restarted.DisposeAsync();
            AgentHost.DeleteData(first.DataDirectory);
        }
    }

    [Fact]
    public async Task The_local_api_refuses_a_bad_ticket_before_queueing_anything()
    {
        var agent = AgentHost.Create();
        try
        {
            await agent.App.StartAsync();
            using var local = new HttpClient { BaseAddress = agent.LocalApi };

            using var unknownCategory = await local.PostAsJsonAsync("api/v1/tickets", Request() with { Category = "astrologia" });
            using var noSummary = await local.PostAsJsonAsync("api/v1/tickets", Request() with { Summary = " " });
            using var badCode = await local.PostAsJsonAsync("api/v1/tickets/LA-0000-0000/events", new TicketEventRequest(TicketActions.Cancel, null, null));
            using var noWayToCallBack = await local.PostAsJsonAsync("api/v1/tickets",
                new LocalOpenTicketRequest("ambiente-rifiuti.raccolta", "telefono", "segnalazione", "Mancato ritiro", DateTimeOffset.UtcNow.AddDays(5),
                    Contact: new CitizenContact("Mario Rossi (sintetico)")));
            var contactProblem = await noWayToCallBack.Content.ReadFromJsonAsync<HttpValidationProblemDetails>();

            Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownCategory.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, noSummary.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, noWayToCallBack.StatusCode);
            Assert.Equal("application/problem+json", noWayToCallBack.Content.Headers.ContentType?.MediaType);
            Assert.Contains("contact.phone", contactProblem!.Errors.Keys);
            Assert.Equal(0, await agent.Services.GetRequiredService<OutboxStore>().CountPendingAsync(CancellationToken.None));
        }
        finally
        {
            await agent.DisposeAsync();
            AgentHost.DeleteData(agent.DataDirectory);
        }
    }

    internal static async Task WaitUntilDeliveredAsync(AgentHost agent)
    {
        // The outbox sends as soon as a message is queued.
        var outbox = agent.Services.GetRequiredService<OutboxStore>();
        await Eventually.GetAsync(() => outbox.CountPendingAsync(CancellationToken.None), pending => pending == 0, "the outbox delivering everything");
    }
}
