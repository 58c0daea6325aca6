using System.Net;
using System.Net.Http.Json;
using LineaHub.Hub.Archive;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Archive;
using LineaHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LineaHub.Hub.Tests.Archive;

public sealed class ArchiveRetentionTests
{
    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Months_past_the_horizon_are_dropped_and_their_rollups_kept(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage, new Dictionary<string, string?> { ["Archive:RetentionMonths"] = "2" });
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        var thisMonth = ArchiveCalendar.MonthStart(DateTimeOffset.UtcNow);
        using var sent = await client.PostAsJsonAsync("/api/v1/archive/batches", ArchiveRecords.Batch(
            ArchiveRecords.Valid("old", closedAt: thisMonth.AddMonths(-2)),
            ArchiveRecords.Valid("recent", closedAt: thisMonth.AddMonths(-1)),
            ArchiveRecords.Valid("too-old", closedAt: thisMonth.AddMonths(-2).AddHours(-1))));
        var result = (await sent.Content.ReadFromJsonAsync<ArchiveBatchResponse>())!;
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(["old", "recent"], result.Accepted.Order());
        Assert.Equal("closedAt", result.Refused.Single().Errors.Single().Field);

        var before = await PartitionsAsync(hub, storage);
        var pruned = await PruneAsync(hub, new FakeTimeProvider(thisMonth.AddMonths(1).AddDays(3)));

        await using var db = hub.Database.CreateDbContext();
        Assert.Equal(["recent"], await db.ArchivedContacts.Select(c => c.RecordId).ToListAsync());
        Assert.Equal(2, await db.ArchiveRollups.Where(r => r.Cube == RollupCube.Category.Id).SumAsync(r => r.Contacts));
        Assert.True(pruned >= 1);
        if (storage == StorageKind.Postgres)
        {
            Assert.Equal([thisMonth.AddMonths(-2), thisMonth.AddMonths(-1)], before);
            Assert.Equal([thisMonth.AddMonths(-1)], await PartitionsAsync(hub, storage));
        }
    }

    /// <summary>
    /// Runs the retention job's pruner as it would run a month later. Only the pruner's clock moves: moving the hub's
    /// would make its periodic timers (the overflow sweeper's, every second) catch up on a month of ticks.
    /// </summary>
    private static async Task<int> PruneAsync(HubServer hub, TimeProvider later)
    {
        await using var scope = hub.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var retention = new ArchiveRetention(
            services.GetRequiredService<HubDbContext>(),
            services.GetRequiredService<ArchivePartitions>(),
            later,
            services.GetRequiredService<IOptions<ArchiveOptions>>());
        return await retention.PruneAsync(CancellationToken.None);
    }

    private static async Task<IReadOnlyList<DateTimeOffset>> PartitionsAsync(HubServer hub, StorageKind storage)
    {
        if (storage != StorageKind.Postgres)
        {
            return [];
        }

        await using var scope = hub.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        return await scope.ServiceProvider.GetRequiredService<ArchivePartitions>().ListAsync(db, CancellationToken.None);
    }
}
