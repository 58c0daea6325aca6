using System.Net;
using System.Net.Http.Json;
using LineaHub.Hub.Archive;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Archive;
using LineaHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LineaHub.Hub.Tests.Archive;

public sealed class ArchiveRetentionTests
{
    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Months_past_the_horizon_are_dropped_and_their_rollups_kept(StorageKind storage)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var hub = await HubServer.StartAsync(storage, new Dictionary<string, string?> { ["Archive:RetentionMonths"] = "2" }, time);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        var thisMonth = ArchiveCalendar.MonthStart(time.GetUtcNow());
        using var sent = await client.PostAsJsonAsync("/api/v1/archive/batches", ArchiveRecords.Batch(
            ArchiveRecords.Valid("old", closedAt: thisMonth.AddMonths(-2)),
            ArchiveRecords.Valid("recent", closedAt: thisMonth.AddMonths(-1)),
            ArchiveRecords.Valid("too-old", closedAt: thisMonth.AddMonths(-2).AddHours(-1))));
        var result = (await sent.Content.ReadFromJsonAsync<ArchiveBatchResponse>())!;
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(["old", "recent"], result.Accepted.Order());
        Assert.Equal("closedAt", result.Refused.Single().Errors.Single().Field);

        var before = await PartitionsAsync(hub, storage);
        time.SetUtcNow(thisMonth.AddMonths(1).AddDays(3));
        var pruned = await PruneAsync(hub);

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

    private static async Task<int> PruneAsync(HubServer hub)
    {
        await using var scope = hub.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ArchiveRetention>().PruneAsync(CancellationToken.None);
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
