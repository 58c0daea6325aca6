using LineaHub.NodeAgent.Join;
using LineaHub.NodeAgent.Outbox;
using LineaHub.NodeAgent.Tickets;
using LineaHub.Testing;
using Microsoft.Extensions.DependencyInjection;
using static LineaHub.EndToEnd.Tests.TicketFlowTests;

namespace LineaHub.EndToEnd.Tests;

public sealed class TicketRedeliveryTests
{
    [Theory]
    [MemberData(nameof(JoinFlowTests.Providers), MemberType = typeof(JoinFlowTests))]
    public async Task A_write_resent_after_a_lost_acknowledgement_is_not_applied_twice(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var code = await Offices.LAquilaAsync(await hub.CreateAdminClientAsync());
        var agent = AgentHost.Create();
        try
        {
            await agent.Services.GetRequiredService<JoinService>().JoinAsync(hub.BaseAddress, code, force: false, CancellationToken.None);
            var outbox = agent.Services.GetRequiredService<OutboxStore>();
            var opened = await agent.Services.GetRequiredService<LocalTickets>().OpenAsync(Request(), contact: null, CancellationToken.None);
            var sent = (await outbox.FindAsync(opened.OutboxId, CancellationToken.None))!;
            await agent.App.StartAsync();
            await WaitUntilDeliveredAsync(agent);

            // The hub committed, but the agent never learned it (crash before the local delete): it sends again.
            await outbox.EnqueueAsync(sent.Kind, sent.Method, sent.RelativePath, sent.Body, sent.IdempotencyKey, CancellationToken.None);
            await WaitUntilDeliveredAsync(agent);

            Assert.Equal(0, await outbox.CountDeadAsync(CancellationToken.None));
            var page = await agent.Services.GetRequiredService<LocalTickets>().ListAsync(null, null, null, CancellationToken.None);
            Assert.Equal(opened.Code, Assert.Single(page.Items).Code);
        }
        finally
        {
            await agent.DisposeAsync();
            AgentHost.DeleteData(agent.DataDirectory);
        }
    }
}
