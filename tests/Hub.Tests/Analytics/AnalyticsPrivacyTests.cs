using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LineaHub.Hub.Auth;
using LineaHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LineaHub.Hub.Tests.Analytics;

public sealed class AnalyticsPrivacyTests
{
    private const string OtherEntity = "058091";

    private static IEnumerable<SyntheticContact> Times(int count, SyntheticContact contact) => Enumerable.Repeat(contact, count);

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Across_entities_a_cell_of_four_is_suppressed_and_a_cell_of_five_is_shown_with_its_durations(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var admin = await hub.CreateAdminClientAsync();
        var code = NetworkFixtures.RandomComuneCode();
        var (node, nodeClient) = await hub.JoinNodeAsync(admin, code);
        using var _ = node;
        var at = ArchiveSeed.ItalianHour(2026, 5, 4, 11);
        await hub.SeedAsync([
            .. Times(4, new(at, Entity: code, Category: "anagrafe.residenza", FirstResponseSeconds: 60, ResolutionSeconds: 600)),
            .. Times(5, new(at, Entity: code, Category: "tributi.tari", FirstResponseSeconds: 120, ResolutionSeconds: 1200)),
        ]);
        var analyst = await hub.CreateAnalystClientAsync();
        const string Trend = "/api/v1/analytics/trends?bucket=month&from=2026-05-01&to=2026-06-01&groupBy=category";
        const string Durations = "/api/v1/analytics/durations?from=2026-05-01&to=2026-06-01&groupBy=category&measure=resolution";

        var trend = await analyst.GetFromJsonAsync<JsonElement>(Trend);
        var durations = await analyst.GetFromJsonAsync<JsonElement>(Durations);
        var top = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/analytics/top-categories?from=2026-05-01&to=2026-06-01");
        var own = await nodeClient.GetFromJsonAsync<JsonElement>(Trend);

        Assert.Equal(new Dictionary<string, long?>
        {
            ["category=anagrafe.residenza|2026-05-01"] = null,
            ["category=tributi.tari|2026-05-01"] = 5,
        }, trend.Points());
        var suppressedPoint = trend.GetProperty("series")[0].GetProperty("points")[0];
        Assert.True(suppressedPoint.GetProperty("suppressed").GetBoolean());
        Assert.Equal(5, trend.GetProperty("suppression").GetProperty("minimumCellCount").GetInt32());
        // The withheld number appears nowhere in the answer.
        Assert.DoesNotContain("4", suppressedPoint.GetRawText(), StringComparison.Ordinal);

        var cells = durations.GetProperty("cells").EnumerateArray().ToDictionary(c => c.GetProperty("group").GetProperty("category").GetString()!);
        var hidden = cells["anagrafe.residenza"];
        Assert.True(hidden.GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, hidden.GetProperty("count").ValueKind);
        Assert.Equal(JsonValueKind.Null, hidden.GetProperty("averageSeconds").ValueKind);
        Assert.Empty(hidden.GetProperty("percentiles").EnumerateArray());
        var shown = cells["tributi.tari"];
        Assert.Equal(5, shown.GetProperty("count").GetInt64());
        Assert.Equal(1200, shown.GetProperty("averageSeconds").GetDouble());

        var ranked = top.GetProperty("categories").EnumerateArray().ToList();
        Assert.Equal(["tributi.tari", "anagrafe.residenza"], ranked.Select(c => c.GetProperty("category").GetString()));
        Assert.True(ranked[1].GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, ranked[1].GetProperty("count").ValueKind);

        // The office itself sees its own small cell: no one else is in it.
        Assert.Equal(4, own.Points()["category=anagrafe.residenza|2026-05-01"]);
        Assert.False(own.GetProperty("suppression").GetProperty("applied").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task A_node_sees_only_its_own_entity_and_is_refused_another(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var admin = await hub.CreateAdminClientAsync();
        var code = NetworkFixtures.RandomComuneCode();
        var (node, nodeClient) = await hub.JoinNodeAsync(admin, code);
        using var _ = node;
        var at = ArchiveSeed.ItalianHour(2026, 5, 4, 11);
        await hub.SeedAsync([.. Times(3, new(at, Entity: code)), .. Times(7, new(at, Entity: OtherEntity))]);
        var analyst = await hub.CreateAnalystClientAsync();
        const string Trend = "/api/v1/analytics/trends?bucket=month&from=2026-05-01&to=2026-06-01&groupBy=entity";

        var own = await nodeClient.GetFromJsonAsync<JsonElement>(Trend);
        var ownNamed = await nodeClient.GetFromJsonAsync<JsonElement>(Trend + "&entity=" + code);
        using var other = await nodeClient.GetAsync(Trend + "&entity=" + OtherEntity);
        using var graphQL = await nodeClient.GraphQLAsync(
            "query($e: [String!]) { trends(bucket: MONTH, from: \"2026-05-01\", to: \"2026-06-01\", filter: { entity: $e }) { series { points { count } } } }",
            new { e = new[] { OtherEntity } });
        var all = await analyst.GetFromJsonAsync<JsonElement>(Trend);

        Assert.Equal(new Dictionary<string, long?> { [$"entity={code}|2026-05-01"] = 3 }, own.Points());
        Assert.Equal(own.Points(), ownNamed.Points());
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("proprio ente", (await other.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, graphQL.StatusCode);
        var body = await graphQL.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("FORBIDDEN", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
        Assert.Equal(new Dictionary<string, long?>
        {
            [$"entity={code}|2026-05-01"] = null,
            [$"entity={OtherEntity}|2026-05-01"] = 7,
        }, all.Points());
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Without_a_token_the_answer_is_401_and_without_the_scope_403(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var admin = await hub.CreateAdminClientAsync();
        const string Trend = "/api/v1/analytics/trends?bucket=month&from=2026-05-01&to=2026-06-01";
        const string Query = "{ trends(bucket: MONTH, from: \"2026-05-01\", to: \"2026-06-01\") { source } }";

        using var anonymous = await hub.CreateClient().GetAsync(Trend);
        using var anonymousGraphQL = await hub.CreateClient().GraphQLAsync(Query);
        using var adminOnly = await admin.GetAsync(Trend);
        using var adminGraphQL = await admin.GraphQLAsync(Query);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousGraphQL.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adminOnly.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adminGraphQL.StatusCode);
    }

    [Fact]
    public async Task An_analyst_client_cannot_obtain_another_scope()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        AnalystCredentials credentials;
        await using (var scope = hub.Services.CreateAsyncScope())
        {
            credentials = await scope.ServiceProvider.GetRequiredService<AnalystClients>().CreateAsync("scopes", CancellationToken.None);
        }

        using var response = await hub.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = credentials.ClientId,
            ["client_secret"] = credentials.ClientSecret,
            ["scope"] = "hub.admin",
        }));

        Assert.Equal("analyst-scopes", credentials.ClientId);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid_request", error.GetProperty("error").GetString());
        Assert.Contains("scope", error.GetProperty("error_description").GetString(), StringComparison.OrdinalIgnoreCase);
    }
}
