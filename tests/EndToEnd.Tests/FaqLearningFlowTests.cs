using System.Net;
using System.Net.Http.Json;
using LineaHub.NodeAgent.Connection;
using LineaHub.NodeAgent.Join;
using LineaHub.NodeAgent.Outbox;
using LineaHub.Schemas.Faq;
using LineaHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LineaHub.EndToEnd.Tests;

public sealed class FaqLearningFlowTests
{
    // The replica's quick sync, and search batches that leave within a second instead of a minute.
    private static readonly Dictionary<string, string?> Quick = new(FaqReplicaFlowTests.QuickSync)
    {
        ["Faq:SearchLogBatchSize"] = "2",
        ["Faq:SearchLogBatchSeconds"] = "1",
    };

    // A question no entry answers, as an operator types it with the caller's (synthetic) name and number in it.
    private const string Unanswered = "la signora Maria Bianchi tel. 333 123 4567 chiede del bonus asilo nido";

    [Theory]
    [MemberData(nameof(JoinFlowTests.Providers), MemberType = typeof(JoinFlowTests))]
    public async Task Searches_and_feedback_given_at_an_office_while_the_hub_is_away_reach_it_once_anonymised_and_feed_the_counts_and_the_gaps_report(
        StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        await using var link = HubLink.Start(hub.BaseAddress);
        var admin = await hub.CreateAdminClientAsync();
        var celano = AgentHost.Create(settings: Quick);
        try
        {
            var joined = await celano.Services.GetRequiredService<JoinService>().JoinAsync(
                link.Address, await Offices.CelanoAsync(admin), force: false, CancellationToken.None);
            await celano.App.StartAsync();
            var entry = await FaqReplicaFlowTests.PublishAsync(celano, link.Address, "Come prenotare il ritiro degli ingombranti", "local");
            var local = new HttpClient { BaseAddress = celano.LocalApi };
            await Eventually.GetAsync(
                () => FaqReplicaFlowTests.SearchAsync(local, "ritiro ingombranti"),
                r => r.Hits.Count == 1,
                "the entry in Celano's replica");

            // Cut off from the hub: three searches that find nothing, one that finds the entry and is used to answer.
            await link.CutAsync();
            var unanswered = new List<Guid>();
            for (var i = 0; i < 3; i++)
            {
                var search = await FaqReplicaFlowTests.SearchAsync(local, Unanswered);
                Assert.Empty(search.Hits);
                unanswered.Add(search.SearchId);
            }

            var answered = await FaqReplicaFlowTests.SearchAsync(local, "ritiro ingombranti");
            using (var feedback = await local.PostAsJsonAsync($"api/v1/faq/entries/{entry.Id}/feedback", new { kind = FaqFeedbackKinds.Used, searchId = answered.SearchId }))
            {
                Assert.Equal(HttpStatusCode.Accepted, feedback.StatusCode);
            }

            // The agent restarts before the hub is back: what it owed the hub is in its database, not in memory.
            local.Dispose();
            await celano.DisposeAsync();
            celano = AgentHost.Create(celano.DataDirectory, settings: Quick);
            await celano.App.StartAsync();
            link.Restore();

            var hubClient = celano.Services.GetRequiredService<IHttpClientFactory>().CreateClient(HubClient.Name);
            var counted = await Eventually.GetAsync(
                () => hubClient.GetFromJsonAsync<FaqEntryView>(new Uri(link.Address, $"api/v1/faq/entries/{entry.Id}")),
                e => e!.UsedCount > 0,
                "the feedback counted on the hub");
            var logged = await Eventually.GetAsync(
                () => LoggedAsync(hub, joined.NodeId),
                searches => searches.Count(s => unanswered.Contains(s.SearchId) || s.SearchId == answered.SearchId) == 4,
                "the office's searches in the hub's search log");
            await TicketFlowTests.WaitUntilDeliveredAsync(celano);

            Assert.Equal(1, counted!.UsedCount);
            Assert.Equal(0, counted.NotHelpfulCount);
            // Every search is logged once: the four above, and the ones that waited for the entry to reach the replica.
            var ours = unanswered.Append(answered.SearchId).ToHashSet();
            Assert.Equal(logged.Count, logged.Select(s => s.SearchId).Distinct().Count());
            Assert.Equal(ours.Order(), logged.Select(s => s.SearchId).Where(ours.Contains).Order());
            var gapQueries = logged.Where(s => unanswered.Contains(s.SearchId)).Select(s => s.Query).ToList();
            Assert.All(gapQueries, query =>
            {
                Assert.DoesNotContain("Bianchi", query, StringComparison.Ordinal);
                Assert.DoesNotContain("4567", query, StringComparison.Ordinal);
                Assert.Contains("[TELEFONO]", query, StringComparison.Ordinal);
                Assert.Contains("bonus asilo nido", query, StringComparison.Ordinal);
            });

            // The office's gaps report: the unanswered question is a candidate; the answered one is not.
            var gaps = (await hubClient.GetFromJsonAsync<FaqGapsReport>(new Uri(link.Address, "api/v1/faq/gaps")))!;
            var gap = Assert.Single(gaps.Gaps);
            Assert.Equal((3, 3, 1), (gap.Searches, gap.ZeroHitSearches, gap.Offices));
            Assert.Equal(gapQueries[0], gap.SampleQuery);
            Assert.Equal(0, await celano.Services.GetRequiredService<OutboxStore>().CountDeadAsync(CancellationToken.None));
        }
        finally
        {
            await celano.DisposeAsync();
            AgentHost.DeleteData(celano.DataDirectory);
        }
    }

    private static async Task<List<(Guid SearchId, string Query)>> LoggedAsync(HubServer hub, Guid nodeId)
    {
        await using var db = hub.Database.CreateDbContext();
        var rows = await db.FaqSearchLog.AsNoTracking().Where(s => s.NodeId == nodeId).Select(s => new { s.SearchId, s.Query }).ToListAsync();
        return [.. rows.Select(r => (r.SearchId, r.Query))];
    }
}
