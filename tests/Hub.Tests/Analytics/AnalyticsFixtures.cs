using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LineaHub.Hub.Auth;
using LineaHub.Schemas.Auth;
using LineaHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LineaHub.Hub.Tests.Analytics;

internal static class AnalyticsFixtures
{
    /// <summary>A client with the bearer token of a new analyst client, from the hub's real token endpoint.</summary>
    public static async Task<HttpClient> CreateAnalystClientAsync(this HubServer hub)
    {
        AnalystCredentials credentials;
        await using (var scope = hub.Services.CreateAsyncScope())
        {
            credentials = await scope.ServiceProvider.GetRequiredService<AnalystClients>()
                .CreateAsync("test-" + Guid.NewGuid().ToString("N")[..12], CancellationToken.None);
        }

        using var response = await hub.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = credentials.ClientId,
            ["client_secret"] = credentials.ClientSecret,
            ["scope"] = HubScopes.Analytics,
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        var client = hub.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A joined node with the given entity code and a client carrying its network.node token.</summary>
    public static async Task<(JoinedNode Node, HttpClient Client)> JoinNodeAsync(this HubServer hub, HttpClient admin, string code)
    {
        var created = await admin.CreateNodeAsync(NetworkFixtures.NodeRequest(code));
        var node = await hub.JoinAsync(created.JoinCode.Code);
        return (node, await hub.NodeClientAsync(node));
    }

    public static Task<HttpResponseMessage> GraphQLAsync(this HttpClient client, string query, object? variables = null) =>
        client.PostAsync("/graphql", new StringContent(
            JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"));

    /// <summary>Point counts of a trend answer as "group|start" → count (null when suppressed).</summary>
    public static Dictionary<string, long?> Points(this JsonElement trend) =>
        trend.GetProperty("series").EnumerateArray()
            .SelectMany(series => series.GetProperty("points").EnumerateArray().Select(point => (
                Key: string.Join(",", series.GetProperty("group").EnumerateObject().Select(g => $"{g.Name}={g.Value.GetString()}"))
                    + "|" + point.GetProperty("start").GetString(),
                Count: point.GetProperty("count").ValueKind == JsonValueKind.Null ? (long?)null : point.GetProperty("count").GetInt64())))
            .ToDictionary(p => p.Key, p => p.Count);
}
