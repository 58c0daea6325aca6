using LineaHub.Hub.Auth;
using LineaHub.Hub.Storage;
using LineaHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LineaHub.Hub.Tests.Auth;

public sealed class UsedAssertionPrunerTests
{
    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Only_assertions_expired_beyond_the_skew_margin_are_forgotten(StorageKind storage)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var hub = await HubServer.StartAsync(storage, time: clock);
        await using var scope = hub.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        db.UsedClientAssertions.AddRange(
            new UsedClientAssertion { ClientId = "node-a", Jti = "long-expired", ExpiresAtUnixSeconds = now - 3600 },
            new UsedClientAssertion { ClientId = "node-a", Jti = "just-expired", ExpiresAtUnixSeconds = now - 60 },
            new UsedClientAssertion { ClientId = "node-a", Jti = "still-valid", ExpiresAtUnixSeconds = now + 60 });
        await db.SaveChangesAsync();

        var removed = await scope.ServiceProvider.GetRequiredService<UsedAssertionPruner>().PruneAsync(CancellationToken.None);

        Assert.Equal(1, removed);
        Assert.Equal(["just-expired", "still-valid"], await db.UsedClientAssertions.Select(a => a.Jti).OrderBy(j => j).ToListAsync());
    }
}
