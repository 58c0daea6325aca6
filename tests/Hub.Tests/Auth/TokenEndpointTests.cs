using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using LineaHub.NodeAgent.Connection;
using LineaHub.NodeAgent.Join;
using LineaHub.Schemas.Auth;
using LineaHub.Schemas.Capacity;
using LineaHub.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LineaHub.Hub.Tests.Auth;

public sealed class TokenEndpointTests
{
    [Fact]
    public async Task Discovery_lists_private_key_jwt_and_the_token_endpoint()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);

        var discovery = await hub.CreateClient().GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        Assert.Contains("private_key_jwt", discovery.GetProperty("token_endpoint_auth_methods_supported").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(new Uri(hub.BaseAddress, "connect/token").AbsoluteUri, discovery.GetProperty("token_endpoint").GetString());
        Assert.Contains(HubScopes.Node, discovery.GetProperty("scopes_supported").EnumerateArray().Select(m => m.GetString()));
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Joined_node_gets_a_token_with_private_key_jwt_and_its_capacity_report_is_accepted(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var admin = await hub.CreateAdminClientAsync();
        using var node = await hub.JoinNewNodeAsync(admin);

        var client = await hub.NodeClientAsync(node);
        using var report = await client.PutAsJsonAsync("/api/v1/nodes/me/capacity", new CapacityReport(3, 7, 240, true, true));

        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var network = await admin.GetFromJsonAsync<NetworkView>("/api/v1/admin/network");
        var seen = Assert.Single(network!.Nodes, n => n.Id == node.NodeId);
        Assert.Equal("active", seen.State);
        Assert.Equal(7, seen.LastReport!.QueueLength);
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Replayed_assertion_is_refused(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var assertion = node.NewAssertion();

        using var first = await hub.RequestTokenAsync(node.ClientId, assertion);
        using var replay = await hub.RequestTokenAsync(node.ClientId, assertion);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(replay.IsSuccessStatusCode);
        Assert.Equal("invalid_client", await replay.OAuthErrorAsync());
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Assertion_signed_with_another_key_is_refused_and_burns_nothing(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        using var stranger = AgentKey.Generate(PublicJwk.UseSignature);
        var jti = Guid.NewGuid().ToString("N");

        using var forged = await hub.RequestTokenAsync(node.ClientId, Assertion(node, stranger, jti, TimeSpan.FromSeconds(60)));
        using var genuine = await hub.RequestTokenAsync(node.ClientId, Assertion(node, node.SigningKey, jti, TimeSpan.FromSeconds(60)));

        Assert.Equal("invalid_client", await forged.OAuthErrorAsync());
        // The forged attempt did not record its jti: only verified assertions reach the replay guard.
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
    }

    [Fact]
    public async Task Assertion_without_jti_or_living_too_long_is_refused()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());

        using var withoutJti = await hub.RequestTokenAsync(node.ClientId, Assertion(node, node.SigningKey, jti: null, TimeSpan.FromSeconds(60)));
        using var tooLong = await hub.RequestTokenAsync(node.ClientId, Assertion(node, node.SigningKey, Guid.NewGuid().ToString("N"), TimeSpan.FromHours(2)));

        Assert.Equal("invalid_client", await withoutJti.OAuthErrorAsync());
        Assert.Equal("invalid_client", await tooLong.OAuthErrorAsync());
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Suspended_node_gets_no_token_and_its_live_token_stops_working(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var admin = await hub.CreateAdminClientAsync();
        using var node = await hub.JoinNewNodeAsync(admin);
        var client = await hub.NodeClientAsync(node);

        using var suspend = await admin.PostAsync($"/api/v1/admin/nodes/{node.NodeId}/suspend", null);
        using var token = await hub.RequestTokenAsync(node.ClientId, node.NewAssertion());
        using var report = await client.PutAsJsonAsync("/api/v1/nodes/me/capacity", new CapacityReport(1, 0, 60, true, true));

        Assert.Equal(HttpStatusCode.OK, suspend.StatusCode);
        Assert.Equal("invalid_client", await token.OAuthErrorAsync());
        Assert.Equal(HttpStatusCode.Forbidden, report.StatusCode);
        await report.ProblemAsync();

        using var reactivate = await admin.PostAsync($"/api/v1/admin/nodes/{node.NodeId}/reactivate", null);
        using var again = await hub.RequestTokenAsync(node.ClientId, node.NewAssertion());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Node_token_cannot_call_admin_endpoints_and_anonymous_calls_are_refused()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);

        using var asNode = await client.GetAsync("/api/v1/admin/network");
        using var asNodeCreate = await client.PostAsJsonAsync("/api/v1/admin/nodes", NetworkFixtures.NodeRequest());
        using var anonymous = await hub.CreateClient().GetAsync("/api/v1/admin/nodes");

        Assert.Equal(HttpStatusCode.Forbidden, asNode.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asNodeCreate.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await asNode.ProblemAsync();
        await anonymous.ProblemAsync();
    }

    [Fact]
    public async Task Admin_token_cannot_report_capacity_as_a_node()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var admin = await hub.CreateAdminClientAsync();

        using var response = await admin.PutAsJsonAsync("/api/v1/nodes/me/capacity", new CapacityReport(1, 0, 60, true, true));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static string Assertion(JoinedNode node, AgentKey key, string? jti, TimeSpan lifetime)
    {
        var now = DateTime.UtcNow;
        var claims = new List<Claim> { new(JwtRegisteredClaimNames.Sub, node.ClientId) };
        if (jti is not null)
        {
            claims.Add(new Claim(JwtRegisteredClaimNames.Jti, jti));
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = node.ClientId,
            Audience = node.Issuer.AbsoluteUri,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            TokenType = ClientAssertions.JwtType,
            SigningCredentials = key.SigningCredentials(),
        });
    }
}
