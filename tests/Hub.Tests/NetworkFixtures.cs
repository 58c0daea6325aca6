using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LineaHub.NodeAgent.Connection;
using LineaHub.NodeAgent.Join;
using LineaHub.Schemas.Auth;
using LineaHub.Schemas.Nodes;
using LineaHub.Testing;

namespace LineaHub.Hub.Tests;

/// <summary>A node joined by the test itself, holding its private keys like an agent would.</summary>
internal sealed class JoinedNode(Guid nodeId, string clientId, Uri issuer, AgentKey signingKey, AgentKey encryptionKey) : IDisposable
{
    public Guid NodeId { get; } = nodeId;

    public string ClientId { get; } = clientId;

    public Uri Issuer { get; } = issuer;

    public AgentKey SigningKey { get; set; } = signingKey;

    public AgentKey EncryptionKey { get; } = encryptionKey;

    public string NewAssertion() => ClientAssertions.Create(ClientId, Issuer, SigningKey, DateTimeOffset.UtcNow);

    public void Dispose()
    {
        SigningKey.Dispose();
        EncryptionKey.Dispose();
    }
}

/// <summary>Steps most hub tests share: register a node, join it, get its token — all over HTTP.</summary>
internal static class NetworkFixtures
{
    public static TheoryData<StorageKind> Providers => new() { StorageKind.Sqlite, StorageKind.Postgres };

    public static CreateNodeRequest NodeRequest(string? code = null) => new(
        "URP Comune di prova",
        NodeKinds.Comune,
        code ?? RandomComuneCode(),
        "13",
        ["anagrafe", "tributi.tari"],
        ["it"],
        [new OpeningHours(1, "08:30", "13:30"), new OpeningHours(3, "14:30", "17:00")]);

    public static string RandomComuneCode() =>
        Random.Shared.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    public static async Task<CreatedNodeResponse> CreateNodeAsync(this HttpClient admin, CreateNodeRequest? request = null)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/admin/nodes", request ?? NodeRequest());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CreatedNodeResponse>())!;
    }

    public static Task<HttpResponseMessage> PostJoinAsync(this HttpClient client, string code, AgentKey signing, AgentKey encryption) =>
        client.PostAsJsonAsync("/api/v1/join", new JoinRequest(code, signing.Public, encryption.Public, "test"));

    /// <summary>Registers and joins a node with fresh keys.</summary>
    public static async Task<JoinedNode> JoinNewNodeAsync(this HubServer hub, HttpClient admin)
    {
        var created = await admin.CreateNodeAsync();
        return await hub.JoinAsync(created.JoinCode.Code);
    }

    public static async Task<JoinedNode> JoinAsync(this HubServer hub, string code)
    {
        var signing = AgentKey.Generate(PublicJwk.UseSignature);
        var encryption = AgentKey.Generate(PublicJwk.UseEncryption);
        using var response = await hub.CreateClient().PostJoinAsync(code, signing, encryption);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var joined = (await response.Content.ReadFromJsonAsync<JoinResponse>())!;
        return new JoinedNode(joined.NodeId, joined.ClientId, joined.Issuer, signing, encryption);
    }

    public static Task<HttpResponseMessage> RequestTokenAsync(this HubServer hub, string clientId, string assertion, string scope = HubScopes.Node) =>
        hub.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_assertion_type"] = ClientAssertions.Type,
            ["client_assertion"] = assertion,
            ["scope"] = scope,
        }));

    public static async Task<HttpClient> NodeClientAsync(this HubServer hub, JoinedNode node)
    {
        using var response = await hub.RequestTokenAsync(node.ClientId, node.NewAssertion());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        var client = hub.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<string> OAuthErrorAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
}
