using System.Net.Http.Json;
using LineaHub.NodeAgent.Connection;
using LineaHub.NodeAgent.Join;
using LineaHub.Schemas.Nodes;
using LineaHub.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LineaHub.EndToEnd.Tests;

public sealed class TokenRenewalTests
{
    [Fact]
    public async Task Agent_reuses_its_token_and_renews_it_a_minute_before_it_expires()
    {
        // One clock for hub and agent, as two real machines synchronised by NTP would share.
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite, new Dictionary<string, string?> { ["Auth:AccessTokenLifetimeMinutes"] = "10" }, clock);
        var admin = await hub.CreateAdminClientAsync();
        var code = await Offices.CelanoAsync(admin);
        var agent = AgentHost.Create(clock: clock);
        try
        {
            await agent.Services.GetRequiredService<JoinService>().JoinAsync(hub.BaseAddress, code, force: false, CancellationToken.None);
            var tokens = agent.Services.GetRequiredService<HubTokenClient>();

            var first = await tokens.GetTokenAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromMinutes(8));
            var stillFirst = await tokens.GetTokenAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
            var renewed = await tokens.GetTokenAsync(CancellationToken.None);

            Assert.Equal(first, stillFirst);
            Assert.NotEqual(first, renewed);
        }
        finally
        {
            await agent.DisposeAsync();
            AgentHost.DeleteData(agent.DataDirectory);
        }
    }
}
