using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LineaHub.Hub.Faq;
using LineaHub.Schemas.Auth;
using LineaHub.Schemas.Faq;
using LineaHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LineaHub.Hub.Tests.Faq;

/// <summary>Steps the FAQ tests share: write and publish entries, search, act as a network editor — all over HTTP.</summary>
internal static class FaqFixtures
{
    public static FaqEntryRequest Entry(
        string question, string scope = "local", DateTimeOffset? validFrom = null, DateTimeOffset? validTo = null,
        string answer = "Rivolgersi allo sportello tributi del comune.") =>
        new(question, answer, "tributi.tari", ["tari"], scope, validFrom, validTo);

    public static async Task<FaqEntryView> CreateAsync(HttpClient client, FaqEntryRequest request)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/faq/entries", request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<FaqEntryView>())!;
    }

    public static async Task<HttpResponseMessage> MoveAsync(HttpClient client, Guid id, string action) =>
        await client.PostAsync($"/api/v1/faq/entries/{id}/{action}", null);

    public static async Task<FaqEntryView> PublishedAsync(HttpClient client, FaqEntryRequest request)
    {
        var entry = await CreateAsync(client, request);
        using var published = await MoveAsync(client, entry.Id, "publish");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return (await published.Content.ReadFromJsonAsync<FaqEntryView>())!;
    }

    public static async Task<FaqSearchResponse> SearchAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<FaqSearchResponse>($"/api/v1/faq/search?q={Uri.EscapeDataString(query)}"))!;

    /// <summary>Polls <paramref name="read"/> until <paramref name="done"/> holds or 10 s pass (the index follows the
    /// database by polling; the search log is written in the background).</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var result = await read();
            if (done(result) || DateTime.UtcNow > deadline)
            {
                return result;
            }

            await Task.Delay(100);
        }
    }

    public static Task<FaqSearchResponse> SearchUntilAsync(HttpClient client, string query, Func<FaqSearchResponse, bool> done) =>
        UntilAsync(() => SearchAsync(client, query), done);

    /// <summary>Makes the hub's index apply what was published now, instead of polling searches (each one is logged).</summary>
    public static Task SyncIndexAsync(HubServer hub) =>
        hub.Services.GetRequiredService<FaqIndexSync>().SyncOnceAsync(CancellationToken.None);

    /// <summary>A write as an agent's outbox sends it: with an Idempotency-Key (a fresh one unless given).</summary>
    public static async Task<HttpResponseMessage> SendAsync<T>(HttpClient client, string path, T body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", $"\"{key ?? Guid.NewGuid().ToString()}\"");
        return await client.SendAsync(request);
    }

    /// <summary>The body of a 200 answer, after checking the status.</summary>
    public static async Task<T> AcceptedAsync<T>(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    public static async Task<HttpClient> EditorClientAsync(HubServer hub, HttpClient admin, JoinedNode node)
    {
        using (var grant = await admin.PutAsync($"/api/v1/admin/faq/editors/{node.NodeId}", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, grant.StatusCode);
        }

        using var response = await hub.RequestTokenAsync(node.ClientId, node.NewAssertion(), $"{HubScopes.Node} {HubScopes.FaqEditor}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        var client = hub.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
