using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LineaHub.NodeAgent.Faq;
using LineaHub.Schemas.Faq;
using Microsoft.AspNetCore.Http;
using static LineaHub.NodeAgent.Tests.Faq.FaqChangesFixture;

namespace LineaHub.NodeAgent.Tests.Faq;

public sealed class FaqLearningTests
{
    // Obviously synthetic: the textbook fiscal code of "Mario Rossi" and a phone number of the 333 range.
    private const string FiscalCode = "RSSMRA80A01H501U";

    [Fact]
    public async Task Every_search_is_logged_anonymised_and_sent_in_batches_through_the_outbox()
    {
        await using var agent = await FaqAgent.StartAsync(new Dictionary<string, string?>
        {
            ["Faq:SearchLogBatchSize"] = "3",
            ["Faq:SearchLogBatchSeconds"] = "60",
        });
        agent.Hub.Publish(Entry(NewId(), 1, "Rimborso della TARI"));
        await agent.SyncAsync();

        var typed = $"rimborso tari per {FiscalCode} tel 333 123 4567";
        var searches = new List<LocalFaqSearchResponse>();
        foreach (var query in new[] { typed, "rimborso", "scadenza imu", "orari" })
        {
            searches.Add(await agent.SearchAsync(query, query == "scadenza imu" ? "&category=tributi" : ""));
        }

        using (var refused = await agent.Local.GetAsync("api/v1/faq/search?q=%20"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        // Stored anonymised, before anything is batched.
        Assert.Equal(4L, await agent.ScalarAsync("SELECT COUNT(*) FROM faq_search_log;"));
        Assert.Equal(0L, await agent.ScalarAsync("SELECT COUNT(*) FROM faq_search_log WHERE search LIKE '%RSSMRA%' OR search LIKE '%4567%';"));

        await agent.FormSearchBatchesAsync();
        var first = Assert.Single(await agent.PendingAsync());
        agent.Clock.Advance(TimeSpan.FromSeconds(59));
        await agent.FormSearchBatchesAsync();
        Assert.Single(await agent.PendingAsync());
        agent.Clock.Advance(TimeSpan.FromSeconds(2));
        await agent.FormSearchBatchesAsync();
        var batches = await agent.PendingAsync();

        Assert.Equal(2, batches.Count);
        Assert.All(batches, b => Assert.Equal((FaqSearchLogBatcher.Kind, "api/v1/faq/searches"), (b.Kind, b.RelativePath)));
        Assert.Equal(first.IdempotencyKey, batches[0].IdempotencyKey);
        var sent = batches.SelectMany(b => JsonSerializer.Deserialize<FaqSearchLogBatch>(b.Body, JsonSerializerOptions.Web)!.Searches!).ToList();
        Assert.Equal([3, 1], batches.Select(b => JsonSerializer.Deserialize<FaqSearchLogBatch>(b.Body, JsonSerializerOptions.Web)!.Searches!.Count));
        Assert.Equal(searches.Select(s => s.SearchId), sent.Select(s => s.SearchId));
        Assert.DoesNotContain(FiscalCode, sent[0].Query!, StringComparison.Ordinal);
        Assert.DoesNotContain("4567", sent[0].Query!, StringComparison.Ordinal);
        Assert.Contains("[CODICE_FISCALE]", sent[0].Query!, StringComparison.Ordinal);
        Assert.StartsWith("rimborso tari per", sent[0].Query!, StringComparison.Ordinal);
        Assert.Equal((1, "tributi", 0), (sent[0].TotalHits, sent[2].CategoryCode, sent[2].TotalHits));
        Assert.Equal(FaqAgent.Start, sent[0].At);
        Assert.Equal(0L, await agent.ScalarAsync("SELECT COUNT(*) FROM faq_search_log;"));

        await agent.SendAsync();
        Assert.Equal(4, agent.Hub.SearchBatches.Sum(b => b.Searches!.Count));
        Assert.Empty(await agent.PendingAsync());
    }

    [Fact]
    public async Task Feedback_is_queued_for_the_hub_under_its_own_id_and_a_bad_kind_or_an_unknown_entry_is_refused()
    {
        await using var agent = await FaqAgent.StartAsync();
        var id = NewId();
        agent.Hub.Publish(Entry(id, 1, "Rimborso della TARI"));
        await agent.SyncAsync();
        var search = await agent.SearchAsync("rimborso");

        using var given = await agent.Local.PostAsJsonAsync($"api/v1/faq/entries/{id}/feedback", new LocalFaqFeedback("used", search.SearchId));
        using var badKind = await agent.Local.PostAsJsonAsync($"api/v1/faq/entries/{id}/feedback", new LocalFaqFeedback("ottima", null));
        using var noKind = await agent.Local.PostAsJsonAsync($"api/v1/faq/entries/{id}/feedback", new LocalFaqFeedback(null, null));
        using var unknown = await agent.Local.PostAsJsonAsync($"api/v1/faq/entries/{Guid.NewGuid()}/feedback", new LocalFaqFeedback("not_helpful", null));

        Assert.Equal(HttpStatusCode.Accepted, given.StatusCode);
        var queued = (await given.Content.ReadFromJsonAsync<FaqFeedbackQueued>())!;
        foreach (var refusal in new[] { badKind, noKind })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refusal.StatusCode);
            Assert.Contains("kind", (await refusal.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!.Errors.Keys);
        }

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        var message = Assert.Single(await agent.PendingAsync());
        Assert.Equal((queued.OutboxId, LocalFaq.FeedbackKind, "api/v1/faq/feedback", $"faq-feedback-{queued.FeedbackId:N}"),
            (message.Id, message.Kind, message.RelativePath, message.IdempotencyKey));
        Assert.Equal(
            new FaqFeedbackRequest(queued.FeedbackId, Guid.Parse(id), FaqFeedbackKinds.Used, search.SearchId, FaqAgent.Start),
            JsonSerializer.Deserialize<FaqFeedbackRequest>(message.Body, JsonSerializerOptions.Web));

        await agent.SendAsync();
        Assert.StartsWith($"faq-feedback-{queued.FeedbackId:N} ", Assert.Single(agent.Hub.Feedback), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hub_that_does_not_know_the_routes_yet_turns_them_into_dead_letters_and_later_writes_still_go()
    {
        await using var agent = await FaqAgent.StartAsync(new Dictionary<string, string?> { ["Faq:SearchLogBatchSize"] = "1" });
        var id = NewId();
        agent.Hub.Publish(Entry(id, 1, "Rimborso della TARI"));
        await agent.SyncAsync();
        agent.Hub.KnowsLearningRoutes = false;
        await agent.SearchAsync("rimborso");
        await agent.FormSearchBatchesAsync();
        using (var feedback = await agent.Local.PostAsJsonAsync($"api/v1/faq/entries/{id}/feedback", new LocalFaqFeedback("not_helpful", null)))
        {
            Assert.Equal(HttpStatusCode.Accepted, feedback.StatusCode);
        }

        var refused = await agent.SendAsync();
        agent.Hub.KnowsLearningRoutes = true;
        using (var later = await agent.Local.PostAsJsonAsync($"api/v1/faq/entries/{id}/feedback", new LocalFaqFeedback("used", null)))
        {
            Assert.Equal(HttpStatusCode.Accepted, later.StatusCode);
        }

        var after = await agent.SendAsync();

        Assert.Equal((0, 2, 0), (refused.Delivered, refused.DeadLettered, refused.Retried));
        Assert.Equal(1, after.Delivered);
        Assert.Contains("\"used\"", Assert.Single(agent.Hub.Feedback), StringComparison.Ordinal);
        Assert.Equal(2L, await agent.ScalarAsync("SELECT COUNT(*) FROM outbox_messages WHERE dead_at IS NOT NULL AND last_status = 404;"));
    }

    public static TheoryData<string, string> BadSearches => new()
    {
        { "", "q" },
        { "q=", "q" },
        { "q=%20%09", "q" },
        { "q=" + new string('a', FaqQueryRules.MaxQueryLength + 1), "q" },
        { "q=tari&limit=0", "limit" },
        { $"q=tari&limit={FaqQueryRules.MaxLimit + 1}", "limit" },
        { "q=tari&limit=tanti", "limit" },
        { "q=tari&limit=-3", "limit" },
    };

    [Theory]
    [MemberData(nameof(BadSearches))]
    public async Task A_search_the_replica_cannot_run_is_a_400_problem_in_italian_and_is_not_logged(string query, string field)
    {
        await using var agent = await FaqAgent.StartAsync();

        using var response = await agent.Local.GetAsync($"api/v1/faq/search?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!;
        Assert.Equal("Richiesta non valida", problem.Title);
        Assert.Contains(field, problem.Errors.Keys);
        Assert.Equal(0L, await agent.ScalarAsync("SELECT COUNT(*) FROM faq_search_log;"));
    }

    [Fact]
    public async Task Lucene_syntax_in_a_local_search_is_searched_as_text()
    {
        await using var agent = await FaqAgent.StartAsync();
        agent.Hub.Publish(Entry(NewId(), 1, "Come pagare la TARI"));
        await agent.SyncAsync();

        foreach (var query in new[] { "tari*", "question:tari", "\"tari", "AND OR tari", "tari~ (", "[* TO *]" })
        {
            using var response = await agent.Local.GetAsync($"api/v1/faq/search?q={Uri.EscapeDataString(query)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
