using System.Net;
using LineaHub.NodeAgent.Faq;
using LineaHub.Schemas.Faq;
using static LineaHub.NodeAgent.Tests.Faq.FaqChangesFixture;

namespace LineaHub.NodeAgent.Tests.Faq;

public sealed class FaqReplicaTests
{
    [Fact]
    public async Task Changes_are_applied_in_version_order_page_by_page_and_a_newer_version_replaces_the_older()
    {
        await using var agent = await FaqAgent.StartAsync(new Dictionary<string, string?> { ["Faq:SyncPageSize"] = "2" });
        string network = NewId(), regional = NewId(), local = NewId(), other = NewId();
        agent.Hub.Publish(Entry(network, 3, "Come pagare la TARI", "Con il modello F24."));
        agent.Hub.Publish(Entry(regional, 5, "Contributo regionale per la TARI", scope: FaqScope.Regional));
        agent.Hub.Publish(Entry(local, 8, "Scadenze TARI del comune", scope: FaqScope.Local));
        agent.Hub.Publish(Entry(other, 9, "Orari dello sportello anagrafe", "Aperto il lunedì.", keywords: []));
        agent.Hub.Publish(Entry(network, 12, "Come pagare la TARI online", "Con PagoPA dal sito del comune."));

        await agent.SyncAsync();

        Assert.Equal(["?after=0&limit=2", "?after=5&limit=2", "?after=9&limit=2"], agent.Hub.ChangeRequests);
        var state = agent.Get<FaqReplica>().State;
        Assert.Equal((12L, "13", "066032", (long?)0), (state.AppliedVersion, state.RegionCode, state.EntityCode, state.SynonymsVersion));
        Assert.Equal(new[] { network, regional, local }.Order(), (await agent.FoundIdsAsync("tari")).Order());
        var paid = await agent.SearchAsync("pagopa");
        Assert.Equal((network, 12L), (Assert.Single(paid.Hits).Id, paid.Hits[0].Version));
        Assert.Empty((await agent.SearchAsync("modello f24")).Hits);

        // Nothing new: one request, from where it stopped, now that it knows the synonyms' version.
        await agent.SyncAsync();
        Assert.Equal("?after=12&limit=2&synonymsAfter=0", agent.Hub.ChangeRequests[^1]);
    }

    [Fact]
    public async Task A_tombstone_removes_the_entry_from_search_and_from_the_store()
    {
        await using var agent = await FaqAgent.StartAsync();
        string kept = NewId(), archived = NewId();
        agent.Hub.Publish(Entry(kept, 1, "Rimborso TARI pagata due volte"));
        agent.Hub.Publish(Entry(archived, 2, "Riduzione TARI per compostaggio"));
        await agent.SyncAsync();
        Assert.Equal(2, (await agent.SearchAsync("tari")).TotalHits);

        agent.Hub.Publish(FaqChangesPage.Tombstone(archived, 3));
        await agent.SyncAsync();

        Assert.Equal([kept], await agent.FoundIdsAsync("tari"));
        using var gone = await agent.Local.GetAsync($"api/v1/faq/entries/{archived}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(0L, await agent.ScalarAsync("SELECT COUNT(*) FROM faq_entries WHERE id = $id;", ("$id", archived)));
        Assert.Equal(3L, agent.Get<FaqReplica>().State.AppliedVersion);
    }

    [Fact]
    public async Task A_restarted_agent_searches_its_replica_at_once_with_the_hub_down()
    {
        await using var agent = await FaqAgent.StartAsync();
        var id = NewId();
        agent.Hub.Publish(Entry(id, 4, "Come richiedere la carta d'identità elettronica", "Prenotare l'appuntamento all'anagrafe.", FaqScope.Local));
        await agent.SyncAsync();

        await agent.Hub.StopAsync();
        await agent.RestartAsync();

        var found = await agent.SearchAsync("carta identità");
        Assert.Equal(id, Assert.Single(found.Hits).Id);
        Assert.Equal((4L, FaqAgent.Start, false), (found.ReplicaVersion, found.LastSyncAt, found.Stale));
        await Assert.ThrowsAsync<HttpRequestException>(agent.SyncAsync);
        Assert.Single((await agent.SearchAsync("carta identità")).Hits);
    }

    [Fact]
    public async Task Synonyms_from_the_hub_change_what_searches_find_and_outlive_a_restart()
    {
        await using var agent = await FaqAgent.StartAsync();
        var id = NewId();
        agent.Hub.Publish(Entry(id, 1, "Pagamento con il modello F24", "Si paga in banca o alla posta."));
        await agent.SyncAsync();
        Assert.Empty((await agent.SearchAsync("bollettino")).Hits);

        agent.Hub.UseSynonyms("bollettino => f24", 2);
        await agent.SyncAsync();

        Assert.Equal([id], await agent.FoundIdsAsync("bollettino"));
        Assert.Equal(2L, agent.Get<FaqReplica>().State.SynonymsVersion);
        await agent.RestartAsync();
        Assert.Equal([id], await agent.FoundIdsAsync("bollettino"));
    }

    [Fact]
    public async Task Expired_and_not_yet_valid_entries_are_neither_found_nor_shown_until_they_apply()
    {
        await using var agent = await FaqAgent.StartAsync();
        string current = NewId(), expired = NewId(), future = NewId();
        agent.Hub.Publish(Entry(current, 1, "Scadenza TARI di quest'anno"));
        agent.Hub.Publish(Entry(expired, 2, "Scadenza TARI dell'anno scorso", validFrom: FaqAgent.Start.AddDays(-400), validTo: FaqAgent.Start.AddDays(-30)));
        agent.Hub.Publish(Entry(future, 3, "Scadenza TARI dell'anno prossimo", validFrom: FaqAgent.Start.AddDays(10)));
        await agent.SyncAsync();

        Assert.Equal([current], await agent.FoundIdsAsync("scadenza tari"));
        using (var old = await agent.Local.GetAsync($"api/v1/faq/entries/{expired}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        }

        agent.Clock.Advance(TimeSpan.FromDays(11));
        Assert.Equal(new[] { current, future }.Order(), (await agent.FoundIdsAsync("scadenza tari")).Order());
    }

    [Fact]
    public async Task Searches_say_the_replica_is_stale_before_the_first_sync_and_after_the_configured_time_without_one()
    {
        await using var agent = await FaqAgent.StartAsync(new Dictionary<string, string?> { ["Faq:StaleAfterSeconds"] = "600" });
        agent.Hub.Publish(Entry(NewId(), 1, "Come pagare la TARI"));

        var never = await agent.SearchAsync("tari");
        await agent.SyncAsync();
        var fresh = await agent.SearchAsync("tari");
        agent.Clock.Advance(TimeSpan.FromSeconds(601));
        var old = await agent.SearchAsync("tari");

        Assert.Equal((true, null, 0), (never.Stale, never.LastSyncAt, never.Hits.Count));
        Assert.Equal((false, FaqAgent.Start, 1), (fresh.Stale, fresh.LastSyncAt, fresh.Hits.Count));
        Assert.Equal((true, 1), (old.Stale, old.Hits.Count));
        Assert.NotEqual(fresh.SearchId, old.SearchId);
    }

    [Fact]
    public async Task An_entry_is_shown_with_its_answer_also_as_safe_html()
    {
        await using var agent = await FaqAgent.StartAsync();
        var id = NewId();
        agent.Hub.Publish(Entry(id, 1, "Come pagare la TARI", "Con **PagoPA** su [pagopa](https://www.pagopa.gov.it/) <script>x</script>"));
        await agent.SyncAsync();

        var entry = (await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<LocalFaqEntry>(agent.Local, $"api/v1/faq/entries/{id}"))!;

        Assert.Equal("Con **PagoPA** su [pagopa](https://www.pagopa.gov.it/) <script>x</script>", entry.Answer);
        Assert.Equal(
            "<p>Con <strong>PagoPA</strong> su <a href=\"https://www.pagopa.gov.it/\" rel=\"noopener noreferrer nofollow\">pagopa</a> &lt;script&gt;x&lt;/script&gt;</p>",
            entry.AnswerHtml);
        using var unknown = await agent.Local.GetAsync($"api/v1/faq/entries/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }
}
