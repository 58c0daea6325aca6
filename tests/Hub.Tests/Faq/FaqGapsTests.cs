using System.Net;
using System.Net.Http.Json;
using LineaHub.Schemas.Faq;
using LineaHub.Testing;
using static LineaHub.Hub.Tests.Faq.FaqFixtures;

namespace LineaHub.Hub.Tests.Faq;

public sealed class FaqGapsTests
{
    private static FaqSearchLogEntry Search(string query, int totalHits = 0) =>
        new(Guid.NewGuid(), query, null, totalHits, DateTimeOffset.UtcNow.AddMinutes(-5));

    private static async Task SendSearchesAsync(HttpClient client, params FaqSearchLogEntry[] searches)
    {
        using var response = await SendAsync(client, "/api/v1/faq/searches", new FaqSearchLogBatch(searches));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(searches.Length, (await response.Content.ReadFromJsonAsync<FaqSearchLogResponse>())!.Stored.Count);
    }

    private static async Task SendFeedbackAsync(HttpClient client, Guid entryId, string kind, Guid searchId)
    {
        using var response = await SendAsync(client, "/api/v1/faq/feedback",
            new FaqFeedbackRequest(Guid.NewGuid(), entryId, kind, searchId, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<FaqGapsReport> GapsAsync(HttpClient client, string query = "") =>
        (await client.GetFromJsonAsync<FaqGapsReport>($"/api/v1/faq/gaps{query}"))!;

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Frequent_searches_with_no_result_used_are_reported_to_editors_and_an_office_sees_its_own(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var admin = await hub.CreateAdminClientAsync();
        using var a = await hub.JoinNewNodeAsync(admin);
        using var b = await hub.JoinNewNodeAsync(admin);
        using var editorNode = await hub.JoinNewNodeAsync(admin);
        var clientA = await hub.NodeClientAsync(a);
        var clientB = await hub.NodeClientAsync(b);
        var editor = await EditorClientAsync(hub, admin, editorNode);
        var entry = await PublishedAsync(clientA, Entry("Come si paga la TARI?"));

        // One question typed four ways by two offices: case, accents, elision and plural do not split it.
        await SyncIndexAsync(hub);
        var hubSearch = await SearchAsync(clientA, "Scadenza della TARI?");
        var tariB = new[] { Search("scadenze tari"), Search("SCADÈNZA dell'TARI") };
        await SendSearchesAsync(clientB, [.. tariB, Search("scadenza  Tari", totalHits: 1)]);
        await SendFeedbackAsync(clientB, entry.Id, FaqFeedbackKinds.NotHelpful, tariB[0].SearchId);
        // Searched often but answered once with an entry: not a gap.
        var residence = new[] { Search("cambio di residenza"), Search("cambio residenza"), Search("Cambio di residenza") };
        await SendSearchesAsync(clientA, residence);
        await SendFeedbackAsync(clientA, entry.Id, FaqFeedbackKinds.Used, residence[1].SearchId);
        // Searched too rarely to be reported.
        await SendSearchesAsync(clientA, Search("passaporto urgente"), Search("passaporto urgente"));
        // Another office's frequent question: for editors only.
        await SendSearchesAsync(clientB, Search("orari biblioteca"), Search("orari biblioteca"), Search("orari della biblioteca"));

        var network = await UntilAsync(() => GapsAsync(editor), r => r.Gaps.Any(g => g.Searches == 4));
        var own = await GapsAsync(clientA, "?minSearches=1");

        Assert.Equal(("network", 3), (network.Scope, network.MinSearches));
        Assert.Equal(["scadenz tari", "bibliotec orari"], network.Gaps.Select(g => g.NormalisedQuery));
        var tari = network.Gaps[0];
        Assert.Equal((4, 2, 1, 2), (tari.Searches, tari.ZeroHitSearches, tari.NotHelpful, tari.Offices));
        string[] tariQueries = ["Scadenza della TARI?", "scadenze tari", "SCADÈNZA dell'TARI", "scadenza  Tari"];
        Assert.Contains(tari.SampleQuery, tariQueries);
        Assert.Equal("node", own.Scope);
        Assert.Equal(["passaport urgent", "scadenz tari"], own.Gaps.Select(g => g.NormalisedQuery).Order());
        var ownTari = own.Gaps.Single(g => g.NormalisedQuery == "scadenz tari");
        Assert.Equal((1, 0, 0, 1), (ownTari.Searches, ownTari.ZeroHitSearches, ownTari.NotHelpful, ownTari.Offices));
        Assert.Equal(1, hubSearch.TotalHits);
    }

    public static TheoryData<string, string> BadParameters => new()
    {
        { "?from=ieri", "from" },
        { "?to=2026-13-01", "to" },
        { "?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", "to" },
        { "?minSearches=0", "minSearches" },
        { "?limit=tanti", "limit" },
        { "?limit=100000", "limit" },
    };

    [Theory]
    [MemberData(nameof(BadParameters))]
    public async Task Bad_report_parameters_are_a_400_naming_the_parameter(string query, string field)
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);

        using var response = await client.GetAsync($"/api/v1/faq/gaps{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }
}
