using System.Net;
using LineaHub.Hub.Faq;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Faq;
using LineaHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static LineaHub.Hub.Tests.Faq.FaqFixtures;

namespace LineaHub.Hub.Tests.Faq;

public sealed class FaqLearningRetentionTests
{
    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Searches_and_feedback_past_the_retention_go_and_the_counts_on_entries_stay(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage, new Dictionary<string, string?> { ["Faq:LearningRetentionDays"] = "180" });
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        var entry = await PublishedAsync(client, Entry("Come si paga la TARI?"));
        var now = DateTimeOffset.UtcNow;
        var old = new FaqSearchLogEntry(Guid.NewGuid(), "scadenza tari", null, 0, now.AddDays(-10));
        var recent = old with { SearchId = Guid.NewGuid(), At = now };
        using (var searches = await SendAsync(client, "/api/v1/faq/searches", new FaqSearchLogBatch([old, recent])))
        {
            Assert.Equal(HttpStatusCode.OK, searches.StatusCode);
        }

        foreach (var (search, at) in new[] { (old, old.At), (recent, recent.At) })
        {
            using var feedback = await SendAsync(client, "/api/v1/faq/feedback",
                new FaqFeedbackRequest(Guid.NewGuid(), entry.Id, FaqFeedbackKinds.Used, search.SearchId, at));
            Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
        }

        // 175 days on, the old search and its feedback are 185 days old, the recent ones 175.
        var removed = await PruneAsync(hub, new FakeTimeProvider(now.AddDays(175)));

        Assert.Equal(2, removed);
        await using var db = hub.Database.CreateDbContext();
        Assert.Equal([recent.SearchId], await db.FaqSearchLog.Select(s => s.SearchId).ToListAsync());
        Assert.Equal([recent.SearchId], await db.FaqFeedback.Select(f => f.SearchId!.Value).ToListAsync());
        Assert.Equal(2, await db.FaqEntries.Where(e => e.Id == entry.Id).Select(e => e.UsedCount).SingleAsync());
    }

    /// <summary>
    /// Runs the retention job's pruner as it would run later. Only the pruner's clock moves: moving the hub's would make
    /// its periodic timers (the overflow sweeper's, every second) catch up on months of ticks.
    /// </summary>
    private static async Task<int> PruneAsync(HubServer hub, TimeProvider later)
    {
        await using var scope = hub.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var retention = new FaqLearningRetention(
            services.GetRequiredService<HubDbContext>(), later, services.GetRequiredService<IOptions<FaqOptions>>());
        return await retention.PruneAsync(CancellationToken.None);
    }
}
