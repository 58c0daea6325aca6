using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LineaHub.Hub.Auth;
using LineaHub.Schemas.Capacity;
using LineaHub.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LineaHub.Hub.Tests.Auth;

/// <summary>
/// A token the hub has validated once is answered from its cache afterwards; these tests show that the cache
/// never lets through what validating every call would refuse.
/// </summary>
public sealed class ValidatedTokenCacheTests
{
    [Fact]
    public async Task A_cached_token_stops_working_when_it_expires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite, time: clock);
        var admin = await hub.CreateAdminClientAsync();

        using var first = await admin.GetAsync("/api/v1/admin/network");
        using var second = await admin.GetAsync("/api/v1/admin/network");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(Cached(hub, admin));

        // Default lifetime 10 minutes: one second short of it the cached token still works, one second past it not.
        clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        using var before = await admin.GetAsync("/api/v1/admin/network");
        clock.Advance(TimeSpan.FromSeconds(2));
        using var after = await admin.GetAsync("/api/v1/admin/network");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        await after.ProblemAsync();
        Assert.Contains(after.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task A_token_changed_by_one_character_is_refused_after_the_genuine_one_was_cached()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var admin = await hub.CreateAdminClientAsync();
        using var genuine = await admin.GetAsync("/api/v1/admin/network");
        Assert.True(Cached(hub, admin));
        var token = admin.DefaultRequestHeaders.Authorization!.Parameter!;
        // A character in the middle of the ciphertext (the last one of a segment may carry only padding bits).
        var middle = token.Length / 2;
        var changed = string.Concat(token.AsSpan(0, middle), token[middle] == 'A' ? "B" : "A", token.AsSpan(middle + 1));

        foreach (var forged in new[] { changed, token + "A", token[..^1] })
        {
            var client = hub.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);
            using var response = await client.GetAsync("/api/v1/admin/network");

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            await response.ProblemAsync();
        }

        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task A_suspended_node_is_refused_although_its_token_is_cached(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var admin = await hub.CreateAdminClientAsync();
        using var node = await hub.JoinNewNodeAsync(admin);
        var client = await hub.NodeClientAsync(node);
        using var accepted = await client.PutAsJsonAsync("/api/v1/nodes/me/capacity", new CapacityReport(1, 0, 60, true, true));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.True(Cached(hub, client));

        using var suspend = await admin.PostAsync($"/api/v1/admin/nodes/{node.NodeId}/suspend", null);
        using var refused = await client.PutAsJsonAsync("/api/v1/nodes/me/capacity", new CapacityReport(1, 0, 60, true, true));

        Assert.Equal(HttpStatusCode.OK, suspend.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await refused.ProblemAsync();
    }

    [Fact]
    public async Task A_node_token_is_forbidden_on_admin_endpoints_also_when_it_comes_from_the_cache()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        using var report = await client.PutAsJsonAsync("/api/v1/nodes/me/capacity", new CapacityReport(1, 0, 60, true, true));
        Assert.True(Cached(hub, client));

        using var first = await client.GetAsync("/api/v1/admin/network");
        using var second = await client.GetAsync("/api/v1/admin/network");

        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, first.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        await second.ProblemAsync();
    }

    [Fact]
    public async Task With_the_cache_off_every_call_is_validated_and_nothing_is_kept()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite, new Dictionary<string, string?>
        {
            ["Auth:ValidatedTokenCacheEntries"] = "0",
        });
        var admin = await hub.CreateAdminClientAsync();

        using var first = await admin.GetAsync("/api/v1/admin/network");
        using var second = await admin.GetAsync("/api/v1/admin/network");
        using var anonymous = await hub.CreateClient().GetAsync("/api/v1/admin/network");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.False(Cached(hub, admin));
    }

    private static bool Cached(HubServer hub, HttpClient client) =>
        hub.Services.GetRequiredService<ValidatedTokenCache>()
            .TryGet(ValidatedTokenCache.KeyOf(client.DefaultRequestHeaders.Authorization!.Parameter), out _);
}
