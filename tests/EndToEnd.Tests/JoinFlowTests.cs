using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LineaHub.NodeAgent;
using LineaHub.NodeAgent.Connection;
using LineaHub.NodeAgent.Join;
using LineaHub.Schemas.Auth;
using LineaHub.Schemas.Capacity;
using LineaHub.Schemas.Nodes;
using LineaHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LineaHub.EndToEnd.Tests;

public sealed class JoinFlowTests
{
    public static TheoryData<StorageKind> Providers => new() { StorageKind.Sqlite, StorageKind.Postgres };

    [Theory]
    [MemberData(nameof(Providers))]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Agent_joins_gets_tokens_and_its_capacity_reaches_the_hub(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage, new Dictionary<string, string?> { ["Capacity:ReportIntervalSeconds"] = "1" });
        var admin = await hub.CreateAdminClientAsync();
        var code = await Offices.CelanoAsync(admin);
        var agent = AgentHost.Create();
        try
        {
            var identity = await agent.Services.GetRequiredService<JoinService>().JoinAsync(hub.BaseAddress, code, force: false, CancellationToken.None);
            await agent.App.StartAsync();
            using var local = new HttpClient();
            using var set = await local.PutAsJsonAsync(new Uri(agent.LocalApi, "api/v1/capacity"), new CapacityReport(4, 17, 240, true, true));

            var seen = await WaitForReportAsync(admin, identity.NodeId, report => report.QueueLength == 17);

            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            Assert.Equal(4, seen.OperatorsOnline);
            var paths = agent.Services.GetRequiredService<AgentPaths>();
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(paths.SigningKeyFile));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(paths.EncryptionKeyFile));
            Assert.DoesNotContain("\"d\"", await File.ReadAllTextAsync(paths.IdentityFile), StringComparison.Ordinal);
        }
        finally
        {
            await agent.DisposeAsync();
            AgentHost.DeleteData(agent.DataDirectory);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Agent_key_rotation_keeps_the_agent_working_and_retires_the_old_key(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var code = await Offices.CelanoAsync(await hub.CreateAdminClientAsync());
        var agent = AgentHost.Create();
        try
        {
            var identity = await agent.Services.GetRequiredService<JoinService>().JoinAsync(hub.BaseAddress, code, force: false, CancellationToken.None);
            var store = agent.Services.GetRequiredService<AgentIdentityStore>();
            var tokens = agent.Services.GetRequiredService<HubTokenClient>();
            using var oldKey = await store.LoadSigningKeyAsync(CancellationToken.None);

            var newKeyId = await agent.Services.GetRequiredService<KeyRotationService>().RotateAsync(CancellationToken.None);

            using var current = await store.LoadSigningKeyAsync(CancellationToken.None);
            Assert.Equal(newKeyId, current.KeyId);
            Assert.NotNull(await tokens.RequestAsync(identity, current, CancellationToken.None));
            var refused = await Assert.ThrowsAsync<HubProblemException>(() => tokens.RequestAsync(identity, oldKey, CancellationToken.None));
            Assert.Contains("invalid_client", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            await agent.DisposeAsync();
            AgentHost.DeleteData(agent.DataDirectory);
        }
    }

    [Fact]
    public async Task Rotation_interrupted_after_the_hub_accepted_is_finished_at_the_next_start()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var code = await Offices.CelanoAsync(await hub.CreateAdminClientAsync());
        var agent = AgentHost.Create();
        try
        {
            var identity = await agent.Services.GetRequiredService<JoinService>().JoinAsync(hub.BaseAddress, code, force: false, CancellationToken.None);
            var paths = agent.Services.GetRequiredService<AgentPaths>();
            var tokens = agent.Services.GetRequiredService<HubTokenClient>();

            // What RotateAsync does up to the hub's answer, then the agent "dies" before promoting the key.
            using (var next = AgentKey.Generate(PublicJwk.UseSignature))
            {
                await next.SaveAsync(paths.PendingSigningKeyFile, CancellationToken.None);
                using var http = new HttpClient();
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(CancellationToken.None));
                using var accepted = await http.PostAsJsonAsync(new Uri(hub.BaseAddress, "api/v1/nodes/me/signing-key"),
                    new RotateSigningKeyRequest(next.Public, ClientAssertions.CreateKeyProof(identity.ClientId, next, DateTimeOffset.UtcNow)));
                Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            }

            tokens.Invalidate();
            await Assert.ThrowsAsync<HubProblemException>(() => tokens.GetTokenAsync(CancellationToken.None));

            Assert.True(await agent.Services.GetRequiredService<KeyRotationService>().RecoverPendingAsync(CancellationToken.None));
            Assert.False(File.Exists(paths.PendingSigningKeyFile));
            Assert.NotEmpty(await tokens.GetTokenAsync(CancellationToken.None));
        }
        finally
        {
            await agent.DisposeAsync();
            AgentHost.DeleteData(agent.DataDirectory);
        }
    }

    [Fact]
    public async Task Agent_local_api_refuses_bad_figures_and_keeps_the_previous_ones()
    {
        var agent = AgentHost.Create();
        try
        {
            await agent.App.StartAsync();
            using var local = new HttpClient { BaseAddress = agent.LocalApi };
            using var good = await local.PutAsJsonAsync("api/v1/capacity", new CapacityReport(3, 2, 100, true, true));

            using var bad = await local.PutAsJsonAsync("api/v1/capacity", new CapacityReport(-1, 2, 100, true, null));
            var status = await local.GetFromJsonAsync<JsonElement>("api/v1/status");

            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
            Assert.False(status.GetProperty("joined").GetBoolean());
            Assert.Equal(3, status.GetProperty("capacity").GetProperty("operatorsOnline").GetInt32());
        }
        finally
        {
            await agent.DisposeAsync();
            AgentHost.DeleteData(agent.DataDirectory);
        }
    }

    internal static async Task<CapacitySnapshot> WaitForReportAsync(HttpClient admin, Guid nodeId, Func<CapacitySnapshot, bool> condition)
    {
        // The agent reports every second.
        var view = await Eventually.GetAsync(
            () => admin.GetFromJsonAsync<NetworkView>("/api/v1/admin/network"),
            network => network!.Nodes.Single(n => n.Id == nodeId).LastReport is { } report && condition(report),
            "the agent's capacity report reaching the hub");
        return view!.Nodes.Single(n => n.Id == nodeId).LastReport!;
    }
}
