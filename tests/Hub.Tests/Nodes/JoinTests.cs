using System.Net;
using System.Net.Http.Json;
using LineaHub.NodeAgent.Connection;
using LineaHub.NodeAgent.Join;
using LineaHub.Schemas.Auth;
using LineaHub.Schemas.Nodes;
using LineaHub.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LineaHub.Hub.Tests.Nodes;

public sealed class JoinTests
{
    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Join_code_works_once_and_a_reuse_says_so(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var admin = await hub.CreateAdminClientAsync();
        var created = await admin.CreateNodeAsync();
        using var first = await hub.JoinAsync(created.JoinCode.Code);
        using var signing = AgentKey.Generate(PublicJwk.UseSignature);
        using var encryption = AgentKey.Generate(PublicJwk.UseEncryption);

        using var reuse = await hub.CreateClient().PostJoinAsync(created.JoinCode.Code, signing, encryption);

        Assert.Equal(HttpStatusCode.BadRequest, reuse.StatusCode);
        Assert.Contains("già utilizzato", (await reuse.ProblemAsync()).GetProperty("errors").GetProperty("code")[0].GetString());
        // The first agent's key is still the registered one.
        using var token = await hub.RequestTokenAsync(first.ClientId, first.NewAssertion());
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    [Fact]
    public async Task Join_code_typed_in_lower_case_without_dashes_is_accepted()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var created = await (await hub.CreateAdminClientAsync()).CreateNodeAsync();

        using var node = await hub.JoinAsync(created.JoinCode.Code.Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant());

        Assert.Equal(created.Node.Id, node.NodeId);
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Expired_join_code_is_refused_and_the_node_stays_pending(StorageKind storage)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var hub = await HubServer.StartAsync(storage, time: clock);
        var admin = await hub.CreateAdminClientAsync();
        var created = await admin.CreateNodeAsync();
        clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        using var signing = AgentKey.Generate(PublicJwk.UseSignature);
        using var encryption = AgentKey.Generate(PublicJwk.UseEncryption);

        using var response = await hub.CreateClient().PostJoinAsync(created.JoinCode.Code, signing, encryption);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("scaduto", (await response.ProblemAsync()).GetProperty("detail").GetString());
        // OpenIddict reads the same clock: the first admin token expired with the jump, so take another.
        admin = await hub.CreateAdminClientAsync();
        var node = await admin.GetFromJsonAsync<NodeResponse>($"/api/v1/admin/nodes/{created.Node.Id}");
        Assert.Equal(NodeStates.Pending, node!.Status);
        Assert.Null(node.ClientId);
    }

    [Fact]
    public async Task Unknown_join_code_is_refused()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        using var signing = AgentKey.Generate(PublicJwk.UseSignature);
        using var encryption = AgentKey.Generate(PublicJwk.UseEncryption);

        using var response = await hub.CreateClient().PostJoinAsync("AAAAA-BBBBB-CCCCC-DDDDD", signing, encryption);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("sconosciuto", (await response.ProblemAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Join_sending_a_private_key_is_refused_and_the_code_stays_usable()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var created = await (await hub.CreateAdminClientAsync()).CreateNodeAsync();
        using var signing = AgentKey.Generate(PublicJwk.UseSignature);
        using var encryption = AgentKey.Generate(PublicJwk.UseEncryption);
        var leaking = new JoinRequest(created.JoinCode.Code, signing.Public with { D = "c2VjcmV0" }, encryption.Public, "test");

        using var refused = await hub.CreateClient().PostAsJsonAsync("/api/v1/join", leaking);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.ProblemAsync()).GetProperty("errors").TryGetProperty("signingKey", out _));
        using var node = await hub.JoinAsync(created.JoinCode.Code);
        Assert.Equal(created.Node.Id, node.NodeId);
    }

    [Fact]
    public async Task Reissued_code_withdraws_the_old_one_and_rejoining_replaces_the_keys()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var admin = await hub.CreateAdminClientAsync();
        var created = await admin.CreateNodeAsync();
        using var original = await hub.JoinAsync(created.JoinCode.Code);
        using var firstReissue = await admin.PostAsync($"/api/v1/admin/nodes/{created.Node.Id}/join-codes", null);
        var withdrawn = (await firstReissue.Content.ReadFromJsonAsync<JoinCodeResponse>())!;
        using var secondReissue = await admin.PostAsync($"/api/v1/admin/nodes/{created.Node.Id}/join-codes", null);
        var current = (await secondReissue.Content.ReadFromJsonAsync<JoinCodeResponse>())!;
        using var signing = AgentKey.Generate(PublicJwk.UseSignature);
        using var encryption = AgentKey.Generate(PublicJwk.UseEncryption);

        using var withWithdrawn = await hub.CreateClient().PostJoinAsync(withdrawn.Code, signing, encryption);
        using var reinstalled = await hub.JoinAsync(current.Code);
        using var oldKey = await hub.RequestTokenAsync(original.ClientId, original.NewAssertion());
        using var newKey = await hub.RequestTokenAsync(reinstalled.ClientId, reinstalled.NewAssertion());

        Assert.Equal(HttpStatusCode.BadRequest, withWithdrawn.StatusCode);
        Assert.Equal(original.ClientId, reinstalled.ClientId);
        Assert.Equal("invalid_client", await oldKey.OAuthErrorAsync());
        Assert.Equal(HttpStatusCode.OK, newKey.StatusCode);
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Key_rotation_makes_the_new_key_work_and_the_old_key_fail(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        using var next = AgentKey.Generate(PublicJwk.UseSignature);

        using var rotate = await client.PostAsJsonAsync("/api/v1/nodes/me/signing-key",
            new RotateSigningKeyRequest(next.Public, ClientAssertions.CreateKeyProof(node.ClientId, next, DateTimeOffset.UtcNow)));
        using var withOld = await hub.RequestTokenAsync(node.ClientId, node.NewAssertion());
        using var withNew = await hub.RequestTokenAsync(node.ClientId, ClientAssertions.Create(node.ClientId, node.Issuer, next, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, rotate.StatusCode);
        Assert.Equal("invalid_client", await withOld.OAuthErrorAsync());
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
    }

    [Fact]
    public async Task Key_rotation_without_proof_of_the_new_key_changes_nothing()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        using var next = AgentKey.Generate(PublicJwk.UseSignature);
        using var other = AgentKey.Generate(PublicJwk.UseSignature);

        using var rotate = await client.PostAsJsonAsync("/api/v1/nodes/me/signing-key",
            new RotateSigningKeyRequest(next.Public, ClientAssertions.CreateKeyProof(node.ClientId, other, DateTimeOffset.UtcNow)));
        using var withOld = await hub.RequestTokenAsync(node.ClientId, node.NewAssertion());

        Assert.Equal(HttpStatusCode.BadRequest, rotate.StatusCode);
        Assert.True((await rotate.ProblemAsync()).GetProperty("errors").TryGetProperty("proof", out _));
        Assert.Equal(HttpStatusCode.OK, withOld.StatusCode);
    }

    [Fact]
    public async Task Join_attempts_beyond_the_rate_limit_get_429_with_retry_after()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite, new Dictionary<string, string?> { ["Nodes:JoinPermitsPerMinute"] = "2" });
        var client = hub.CreateClient();
        using var signing = AgentKey.Generate(PublicJwk.UseSignature);
        using var encryption = AgentKey.Generate(PublicJwk.UseEncryption);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            last = await client.PostJoinAsync("AAAAA-BBBBB-CCCCC-DDDDD", signing, encryption);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
        Assert.NotNull(last!.Headers.RetryAfter);
        await last.ProblemAsync();
        last.Dispose();
    }
}
