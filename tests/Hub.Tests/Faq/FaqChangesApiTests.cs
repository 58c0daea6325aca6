using System.Net;
using System.Net.Http.Json;
using LineaHub.Schemas.Faq;
using LineaHub.Testing;
using static LineaHub.Hub.Tests.Faq.FaqFixtures;

namespace LineaHub.Hub.Tests.Faq;

public sealed class FaqChangesApiTests
{
    private static async Task<FaqChangesPage> ChangesAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<FaqChangesPage>($"/api/v1/faq/changes{query}"))!;

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Changes_come_in_version_order_page_by_page_with_only_what_applies_to_the_caller_in_full(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        using var offices = await ScopedOffices.JoinAsync(hub);
        var (askerClient, neighbourClient, farClient, editor) = (offices.Asker, offices.Neighbour, offices.FarAway, offices.Editor);

        var network = await PublishedAsync(editor, Entry("Scadenza TARI nazionale", scope: "network"));
        var ownLocal = await PublishedAsync(askerClient, Entry("Scadenza TARI del mio comune"));
        var neighbourRegional = await PublishedAsync(neighbourClient, Entry("Scadenza TARI in regione", scope: "regional"));
        var neighbourLocal = await PublishedAsync(neighbourClient, Entry("Scadenza TARI del comune vicino", answer: "Testo del comune vicino."));
        var otherRegion = await PublishedAsync(farClient, Entry("Scadenza TARI altra regione", scope: "regional", answer: "Testo di un'altra regione."));
        var draft = await CreateAsync(askerClient, Entry("Scadenza TARI in bozza", answer: "Testo in bozza."));

        var pages = new List<FaqChangesPage>();
        long after = 0;
        do
        {
            pages.Add(await ChangesAsync(askerClient, $"?after={after}&limit=2"));
            after = pages[^1].NextAfter;
        }
        while (pages[^1].More);

        Assert.Equal([2, 2, 2], pages.Select(p => p.Entries.Count));
        var entries = pages.SelectMany(p => p.Entries).ToList();
        Assert.Equal(entries.Select(e => e.Version).Order(), entries.Select(e => e.Version));
        Assert.Equal(draft.Version, pages[^1].NextAfter);
        Assert.Equal(("13", pages[0].EntityCode), (pages[0].RegionCode, pages[0].EntityCode));
        Assert.NotNull(pages[0].EntityCode);
        var full = entries.Where(e => !FaqChangesPage.IsTombstone(e)).ToDictionary(e => e.Id);
        Assert.Equal(
            new[] { network.Id, ownLocal.Id, neighbourRegional.Id }.Select(i => i.ToString()).Order(),
            full.Keys.Order());
        Assert.Equal(("Scadenza TARI del mio comune", FaqScope.Local, FaqStatus.Published),
            (full[ownLocal.Id.ToString()].Question, full[ownLocal.Id.ToString()].Scope, full[ownLocal.Id.ToString()].Status));

        // What does not apply (another entity's, another region's, a draft) comes as its id and version only.
        foreach (var hidden in new[] { neighbourLocal, otherRegion, draft })
        {
            var tombstone = Assert.Single(entries, e => e.Id == hidden.Id.ToString());
            Assert.Equal((hidden.Version, FaqStatus.Archived, "", ""), (tombstone.Version, tombstone.Status, tombstone.Question, tombstone.Answer));
        }

        // The synonym list travels once, with the last page (the default list, version 0, until an editor changes it).
        Assert.All(pages.SkipLast(1), p => Assert.Null(p.Synonyms));
        Assert.Equal(FaqSynonyms.DefaultText, (await ChangesAsync(askerClient, $"?after={after}")).Synonyms!.Text);

        // Nothing new above the last version: an empty page that stays where it is.
        var empty = await ChangesAsync(askerClient, $"?after={after}&synonymsAfter=0");
        Assert.Equal((0, after, false, null), (empty.Entries.Count, empty.NextAfter, empty.More, empty.Synonyms));
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Archived_moved_away_or_sent_back_to_review_entries_come_as_tombstones_and_synonym_edits_as_a_new_list(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var admin = await hub.CreateAdminClientAsync();
        using var owner = await hub.JoinNewNodeAsync(admin);
        using var neighbour = await hub.JoinNewNodeAsync(admin);
        using var editorNode = await hub.JoinNewNodeAsync(admin);
        var ownerClient = await hub.NodeClientAsync(owner);
        var neighbourClient = await hub.NodeClientAsync(neighbour);
        var editor = await EditorClientAsync(hub, admin, editorNode);
        var archived = await PublishedAsync(ownerClient, Entry("Orari sportello TARI", scope: "regional"));
        var narrowed = await PublishedAsync(ownerClient, Entry("Pagamento TARI con F24", scope: "regional"));
        var network = await CreateAsync(ownerClient, Entry("Riduzioni TARI", scope: "network"));
        using (var approved = await MoveAsync(editor, network.Id, "publish"))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        var start = await ChangesAsync(neighbourClient, "");
        Assert.Equal(3, start.Entries.Count(e => !FaqChangesPage.IsTombstone(e)));
        var synonymsVersion = start.Synonyms!.Version;

        using (var archive = await MoveAsync(ownerClient, archived.Id, "archive"))
        {
            Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
        }

        using (var local = await ownerClient.PutAsJsonAsync($"/api/v1/faq/entries/{narrowed.Id}", Entry("Pagamento TARI con F24")))
        {
            Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        }

        // The owner (no editor) changes a network entry: it goes back to review, and must leave every replica.
        using (var edited = await ownerClient.PutAsJsonAsync($"/api/v1/faq/entries/{network.Id}", Entry("Riduzioni TARI per famiglie", scope: "network")))
        {
            Assert.Equal("in_review", (await edited.Content.ReadFromJsonAsync<FaqEntryView>())!.Status);
        }

        using (var synonyms = await editor.PutAsJsonAsync("/api/v1/faq/synonyms", new FaqSynonymsView("bollettino => f24", 0)))
        {
            Assert.Equal(HttpStatusCode.OK, synonyms.StatusCode);
        }

        var forNeighbour = await ChangesAsync(neighbourClient, $"?after={start.NextAfter}&synonymsAfter={synonymsVersion}");
        var forOwner = await ChangesAsync(ownerClient, $"?after={start.NextAfter}&synonymsAfter={synonymsVersion}");

        Assert.Equal(new[] { archived.Id, narrowed.Id, network.Id }.Select(i => i.ToString()), forNeighbour.Entries.Select(e => e.Id));
        Assert.All(forNeighbour.Entries, e => Assert.True(FaqChangesPage.IsTombstone(e) && e.Question.Length == 0 && e.Answer.Length == 0));
        Assert.Equal("bollettino => f24", forNeighbour.Synonyms!.Text);
        Assert.True(forNeighbour.Synonyms.Version > forNeighbour.NextAfter);

        // The owner keeps its own entry, now local.
        var ownerView = forOwner.Entries.Single(e => e.Id == narrowed.Id.ToString());
        Assert.Equal((FaqScope.Local, "Pagamento TARI con F24"), (ownerView.Scope, ownerView.Question));
    }

    public static TheoryData<string, string> BadParameters => new()
    {
        { "?after=-1", "after" },
        { "?limit=0", "limit" },
        { $"?limit={FaqChangesPage.MaxLimit + 1}", "limit" },
        { "?synonymsAfter=-5", "synonymsAfter" },
    };

    [Theory]
    [MemberData(nameof(BadParameters))]
    public async Task Bad_parameters_are_a_400_problem_naming_the_parameter(string query, string field)
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var admin = await hub.CreateAdminClientAsync();
        using var node = await hub.JoinNewNodeAsync(admin);
        var client = await hub.NodeClientAsync(node);

        using var response = await client.GetAsync($"/api/v1/faq/changes{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_version_that_is_not_a_number_is_a_400_problem_and_a_caller_without_a_node_token_is_refused()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var admin = await hub.CreateAdminClientAsync();
        using var node = await hub.JoinNewNodeAsync(admin);
        var client = await hub.NodeClientAsync(node);

        using var notANumber = await client.GetAsync("/api/v1/faq/changes?after=abc");
        using var anonymous = await hub.CreateClient().GetAsync("/api/v1/faq/changes");
        using var byAdmin = await admin.GetAsync("/api/v1/faq/changes");

        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
        await notANumber.ProblemAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byAdmin.StatusCode);
    }
}
