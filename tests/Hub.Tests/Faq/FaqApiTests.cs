using System.Net;
using System.Net.Http.Json;
using LineaHub.Schemas.Faq;
using LineaHub.Testing;
using static LineaHub.Hub.Tests.Faq.FaqFixtures;

namespace LineaHub.Hub.Tests.Faq;

public sealed class FaqApiTests
{
    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Network_entry_goes_through_review_and_every_change_keeps_a_version(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var admin = await hub.CreateAdminClientAsync();
        using var owner = await hub.JoinNewNodeAsync(admin);
        using var other = await hub.JoinNewNodeAsync(admin);
        using var editorNode = await hub.JoinNewNodeAsync(admin);
        var ownerClient = await hub.NodeClientAsync(owner);
        var otherClient = await hub.NodeClientAsync(other);
        var editor = await EditorClientAsync(hub, admin, editorNode);

        var draft = await CreateAsync(ownerClient, Entry("Come si paga la TARI?", scope: "network"));
        Assert.Equal("draft", draft.Status);

        using (var byOther = await otherClient.PutAsJsonAsync($"/api/v1/faq/entries/{draft.Id}", Entry("Altro testo", scope: "network")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byOther.StatusCode);
            await byOther.ProblemAsync();
        }

        using (var ownerPublishes = await MoveAsync(ownerClient, draft.Id, "publish"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, ownerPublishes.StatusCode);
        }

        Assert.Equal(draft.Version, (await ownerClient.GetFromJsonAsync<FaqEntryView>($"/api/v1/faq/entries/{draft.Id}"))!.Version);

        using (var edited = await ownerClient.PutAsJsonAsync($"/api/v1/faq/entries/{draft.Id}", Entry("Come si paga la tassa rifiuti TARI?", scope: "network")))
        {
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        }

        using (var submitted = await MoveAsync(ownerClient, draft.Id, "submit"))
        {
            Assert.Equal("in_review", (await submitted.Content.ReadFromJsonAsync<FaqEntryView>())!.Status);
        }

        using (var submittedTwice = await MoveAsync(ownerClient, draft.Id, "submit"))
        {
            Assert.Equal(HttpStatusCode.Conflict, submittedTwice.StatusCode);
            Assert.Equal("in_review", (await submittedTwice.ProblemAsync()).GetProperty("state").GetString());
        }

        using (var approved = await MoveAsync(editor, draft.Id, "publish"))
        {
            Assert.Equal("published", (await approved.Content.ReadFromJsonAsync<FaqEntryView>())!.Status);
        }

        var found = await SearchUntilAsync(otherClient, "pagare tari", r => r.Hits.Any(h => h.Id == draft.Id.ToString()));
        Assert.Contains(found.Hits, h => h.Id == draft.Id.ToString());

        using (var archived = await MoveAsync(ownerClient, draft.Id, "archive"))
        {
            Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        }

        var versions = (await ownerClient.GetFromJsonAsync<List<FaqVersionView>>($"/api/v1/faq/entries/{draft.Id}/versions"))!;
        Assert.Equal(["created", "updated", "submitted", "published", "archived"], versions.Select(v => v.Action));
        Assert.Equal(versions.Select(v => v.Version).Order(), versions.Select(v => v.Version));
        Assert.Contains("question", versions[1].ChangedFields);
        Assert.Equal(editorNode.NodeId, versions[3].ActorNodeId);
        Assert.True(versions[3].ActorIsEditor);
        var gone = await SearchUntilAsync(otherClient, "pagare tari", r => r.Hits.All(h => h.Id != draft.Id.ToString()));
        Assert.DoesNotContain(gone.Hits, h => h.Id == draft.Id.ToString());
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Search_returns_network_own_region_and_own_entity_entries_only_while_valid(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        using var offices = await ScopedOffices.JoinAsync(hub);
        var (askerClient, neighbourClient, farClient, editor) = (offices.Asker, offices.Neighbour, offices.FarAway, offices.Editor);
        var now = DateTimeOffset.UtcNow;

        var network = await PublishedAsync(editor, Entry("Scadenza TARI nazionale", scope: "network"));
        var ownLocal = await PublishedAsync(askerClient, Entry("Scadenza TARI del mio comune"));
        var neighbourRegional = await PublishedAsync(neighbourClient, Entry("Scadenza TARI in regione", scope: "regional"));
        var neighbourLocal = await PublishedAsync(neighbourClient, Entry("Scadenza TARI del comune vicino"));
        var otherRegion = await PublishedAsync(farClient, Entry("Scadenza TARI altra regione", scope: "regional"));
        var expired = await PublishedAsync(askerClient, Entry("Scadenza TARI dell'anno scorso", validFrom: now.AddDays(-30), validTo: now.AddDays(-1)));
        var future = await PublishedAsync(askerClient, Entry("Scadenza TARI dell'anno prossimo", validFrom: now.AddDays(30)));
        var draft = await CreateAsync(askerClient, Entry("Scadenza TARI in bozza"));

        var result = await SearchUntilAsync(askerClient, "scadenza tari", r => r.IndexVersion >= draft.Version);

        Assert.Equal(
            new[] { network.Id, ownLocal.Id, neighbourRegional.Id }.Select(i => i.ToString()).Order(),
            result.Hits.Select(h => h.Id).Order());
        Assert.DoesNotContain(result.Hits, h => h.Id == neighbourLocal.Id.ToString() || h.Id == otherRegion.Id.ToString()
            || h.Id == expired.Id.ToString() || h.Id == future.Id.ToString() || h.Id == draft.Id.ToString());
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Published_edit_is_searchable_within_seconds(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var admin = await hub.CreateAdminClientAsync();
        using var node = await hub.JoinNewNodeAsync(admin);
        var client = await hub.NodeClientAsync(node);
        var entry = await PublishedAsync(client, Entry("Orari dello sportello", answer: "Aperto il lunedì mattina."));
        await SearchUntilAsync(client, "orari sportello", r => r.Hits.Count == 1);

        var started = DateTime.UtcNow;
        using var edited = await client.PutAsJsonAsync($"/api/v1/faq/entries/{entry.Id}",
            Entry("Orari dello sportello", answer: "Aperto anche il giovedì pomeriggio per i passaporti."));
        Assert.Equal("published", (await edited.Content.ReadFromJsonAsync<FaqEntryView>())!.Status);
        var result = await SearchUntilAsync(client, "passaporti giovedì", r => r.Hits.Count == 1);

        Assert.Equal(entry.Id.ToString(), Assert.Single(result.Hits).Id);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "the edit took more than 5 s to become searchable");
    }

    public static TheoryData<string> BadQueries => new() { "", "   ", new string('a', FaqQueryRules.MaxQueryLength + 1) };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Blank_or_too_long_query_is_a_400_problem(string query)
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var admin = await hub.CreateAdminClientAsync();
        using var node = await hub.JoinNewNodeAsync(admin);
        var client = await hub.NodeClientAsync(node);

        using var response = await client.GetAsync($"/api/v1/faq/search?q={Uri.EscapeDataString(query)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("q", out _));
    }

    [Fact]
    public async Task Lucene_syntax_is_searched_as_text()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var admin = await hub.CreateAdminClientAsync();
        using var node = await hub.JoinNewNodeAsync(admin);
        var client = await hub.NodeClientAsync(node);
        await PublishedAsync(client, Entry("Come pagare la TARI"));

        foreach (var query in new[] { "tari*", "question:tari", "\"tari", "AND OR tari", "tari~ (" })
        {
            using var response = await client.GetAsync($"/api/v1/faq/search?q={Uri.EscapeDataString(query)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Bad_entry_is_refused_and_nothing_is_stored()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var admin = await hub.CreateAdminClientAsync();
        using var node = await hub.JoinNewNodeAsync(admin);
        var client = await hub.NodeClientAsync(node);
        var entry = await CreateAsync(client, Entry("Domanda valida"));

        using var noScope = await client.PostAsJsonAsync("/api/v1/faq/entries", Entry("Domanda", scope: "universe"));
        using var badCategory = await client.PostAsJsonAsync("/api/v1/faq/entries", Entry("Domanda") with { CategoryCode = "nessuna" });
        using var blankUpdate = await client.PutAsJsonAsync($"/api/v1/faq/entries/{entry.Id}", Entry(" "));

        Assert.Equal(HttpStatusCode.BadRequest, noScope.StatusCode);
        Assert.True((await noScope.ProblemAsync()).GetProperty("errors").TryGetProperty("scope", out _));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badCategory.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, blankUpdate.StatusCode);
        var stored = (await client.GetFromJsonAsync<FaqEntryView>($"/api/v1/faq/entries/{entry.Id}"))!;
        Assert.Equal(("Domanda valida", entry.Version), (stored.Question, stored.Version));
        Assert.Single((await client.GetFromJsonAsync<List<FaqVersionView>>($"/api/v1/faq/entries/{entry.Id}/versions"))!);
    }

    [Fact]
    public async Task Only_editors_change_the_synonyms_and_searches_use_them()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var admin = await hub.CreateAdminClientAsync();
        using var node = await hub.JoinNewNodeAsync(admin);
        using var editorNode = await hub.JoinNewNodeAsync(admin);
        var client = await hub.NodeClientAsync(node);
        var editor = await EditorClientAsync(hub, admin, editorNode);
        await PublishedAsync(client, Entry("Come pagare la TARI", answer: "Con il modello F24."));
        var defaults = (await client.GetFromJsonAsync<FaqSynonymsView>("/api/v1/faq/synonyms"))!;
        Assert.Equal(FaqSynonyms.DefaultText, defaults.Text);

        using var byNode = await client.PutAsJsonAsync("/api/v1/faq/synonyms", new FaqSynonymsView("bollettino => f24", 0));
        using var byEditor = await editor.PutAsJsonAsync("/api/v1/faq/synonyms", new FaqSynonymsView("bollettino => f24", 0));

        Assert.Equal(HttpStatusCode.Forbidden, byNode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byEditor.StatusCode);
        var found = await SearchUntilAsync(client, "bollettino", r => r.Hits.Count == 1);
        Assert.Single(found.Hits);
    }
}
