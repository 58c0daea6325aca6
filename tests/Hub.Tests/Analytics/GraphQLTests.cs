using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LineaHub.Testing;

namespace LineaHub.Hub.Tests.Analytics;

public sealed class GraphQLTests
{
    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Trends_through_GraphQL_equal_the_REST_answer(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        await hub.SeedAsync([
            .. Enumerable.Repeat(new SyntheticContact(ArchiveSeed.ItalianHour(2026, 3, 2, 9), Category: "tributi.tari"), 6),
            .. Enumerable.Repeat(new SyntheticContact(ArchiveSeed.ItalianHour(2026, 3, 9, 9), Category: "anagrafe.residenza"), 3),
        ]);
        var analyst = await hub.CreateAnalystClientAsync();
        const string Query = """
            query Weekly($from: Date!, $to: Date!) {
              trends(bucket: WEEK, from: $from, to: $to, groupBy: [CATEGORY], filter: { region: ["13"] }) {
                source
                suppression { applied minimumCellCount }
                series { group { dimension value } points { start count suppressed } }
              }
              topCategories(from: $from, to: $to, limit: 5) { categories { category count suppressed } }
              durations(from: $from, to: $to, measures: [FIRST_RESPONSE]) { cells { measure count } }
            }
            """;

        using var response = await analyst.GraphQLAsync(Query, new { from = "2026-03-01", to = "2026-04-01" });
        var rest = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/analytics/trends?bucket=week&from=2026-03-01&to=2026-04-01&groupBy=category&region=13");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.TryGetProperty("errors", out _), body.ToString());
        var trends = body.GetProperty("data").GetProperty("trends");
        var points = trends.GetProperty("series").EnumerateArray()
            .SelectMany(s => s.GetProperty("points").EnumerateArray().Select(p => (
                Key: string.Join(",", s.GetProperty("group").EnumerateArray().Select(g => $"{g.GetProperty("dimension").GetString()}={g.GetProperty("value").GetString()}"))
                    + "|" + p.GetProperty("start").GetString(),
                Count: p.GetProperty("count").ValueKind == JsonValueKind.Null ? (long?)null : p.GetProperty("count").GetInt64())))
            .ToDictionary(p => p.Key, p => p.Count);
        Assert.Equal(rest.Points(), points);
        Assert.Equal(new Dictionary<string, long?> { ["category=anagrafe.residenza|2026-03-09"] = null, ["category=tributi.tari|2026-03-02"] = 6 }, points);
        Assert.Equal(rest.GetProperty("source").GetString(), trends.GetProperty("source").GetString());
        Assert.Equal(5, trends.GetProperty("suppression").GetProperty("minimumCellCount").GetInt32());
        Assert.Equal(2, body.GetProperty("data").GetProperty("topCategories").GetProperty("categories").GetArrayLength());
    }

    [Fact]
    public async Task A_document_deeper_than_the_limit_is_refused_with_400_before_it_runs()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var analyst = await hub.CreateAnalystClientAsync();
        // Introspection is the one place the schema nests deeper than its own four levels.
        var deep = "{ __schema { types { fields { type { " + string.Concat(Enumerable.Repeat("ofType { ", 16)) + "name" + new string('}', 16) + " } } } } }";

        using var response = await analyst.GraphQLAsync(deep);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.TryGetProperty("data", out _));
        Assert.Contains("depth", body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_document_of_many_aliased_queries_is_refused_as_too_complex()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var analyst = await hub.CreateAnalystClientAsync();
        var aliases = string.Concat(Enumerable.Range(0, 10).Select(i =>
            $"t{i}: trends(bucket: DAY, from: \"2026-01-01\", to: \"2026-02-01\", groupBy: [CATEGORY]) {{ series {{ group {{ dimension value }} points {{ start count suppressed }} }} }} "));

        using var response = await analyst.GraphQLAsync("{ " + aliases + "}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
        Assert.Equal("COMPLEXITY", error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Invalid_documents_and_bodies_are_400_and_bad_arguments_are_field_errors_with_reasons()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var analyst = await hub.CreateAnalystClientAsync();

        using var unknownField = await analyst.GraphQLAsync("{ trends(bucket: DAY, from: \"2026-01-01\", to: \"2026-02-01\") { colour } }");
        using var notJson = await analyst.PostAsync("/graphql", new StringContent("{ trends", Encoding.UTF8, "application/json"));
        using var backwards = await analyst.GraphQLAsync("{ trends(bucket: DAY, from: \"2026-02-01\", to: \"2026-01-01\") { source } }");
        using var durationsByChannel = await analyst.GraphQLAsync("{ durations(from: \"2026-01-01\", to: \"2026-02-01\", groupBy: [CHANNEL]) { source } }");

        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.NotEmpty((await notJson.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        foreach (var (response, field) in new[] { (backwards, "to"), (durationsByChannel, "groupBy") })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
            var extensions = error.GetProperty("extensions");
            Assert.True("BAD_REQUEST" == extensions.GetProperty("code").GetString(), error.ToString());
            Assert.True(extensions.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), error.ToString());
        }
    }
}
