using LineaHub.NodeAgent.Outbox;
using LineaHub.NodeAgent.Storage;
using LineaHub.NodeAgent.Tests.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace LineaHub.NodeAgent.Tests.Outbox;

public sealed class OutboxStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lineahub-tests", "store-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero));
    private readonly OutboxStore _store;

    public OutboxStoreTests()
    {
        _store = new OutboxStore(new AgentDatabase(new AgentPaths(_directory)), _clock);
    }

    [Fact]
    public async Task Enqueue_gives_each_message_its_own_guid_key()
    {
        var first = await _store.EnqueueAsync("ticket", HttpMethod.Post, "api/v1/tickets", "{}");
        var second = await _store.EnqueueAsync("ticket", HttpMethod.Post, "api/v1/tickets", "{}");

        Assert.True(Guid.TryParse(first.IdempotencyKey, out _));
        Assert.NotEqual(first.IdempotencyKey, second.IdempotencyKey);
        Assert.True(second.Id > first.Id);
        Assert.Equal(2, await _store.CountPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Enqueue_with_a_key_already_there_keeps_one_message()
    {
        var first = await _store.EnqueueAsync("ticket", HttpMethod.Put, "api/v1/tickets/LH-1", """{"a":1}""", "ticket-LH-1-v3");
        var again = await _store.EnqueueAsync("ticket", HttpMethod.Put, "api/v1/tickets/LH-1", """{"a":1}""", "ticket-LH-1-v3");

        Assert.Equal(first, again);
        Assert.Equal(1, await _store.CountPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Enqueue_refuses_a_key_already_used_by_a_different_write()
    {
        await _store.EnqueueAsync("ticket", HttpMethod.Put, "api/v1/tickets/LH-1", """{"a":1}""", "same-key");

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => _store.EnqueueAsync("ticket", HttpMethod.Put, "api/v1/tickets/LH-1", """{"a":2}""", "same-key"));
    }

    [Theory]
    [InlineData("/api/v1/tickets", "{}")]
    [InlineData("https://elsewhere.example/api", "{}")]
    [InlineData("api/v1/tickets", "not json")]
    public async Task Enqueue_refuses_what_could_never_be_delivered(string path, string body)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.EnqueueAsync("ticket", HttpMethod.Post, path, body));
        Assert.Equal(0, await _store.CountPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Due_messages_stop_at_the_first_one_waiting_for_its_retry()
    {
        var first = await _store.EnqueueAsync("ticket", HttpMethod.Post, "api/v1/tickets", """{"n":1}""");
        await _store.EnqueueAsync("ticket", HttpMethod.Post, "api/v1/tickets", """{"n":2}""");
        await _store.RescheduleAsync(first.Id, _clock.GetUtcNow().AddSeconds(10), 503, "503 Service Unavailable", CancellationToken.None);

        Assert.Empty(await _store.GetDueAsync(10, CancellationToken.None));
        Assert.Equal(_clock.GetUtcNow().AddSeconds(10), await _store.GetNextAttemptAtAsync(CancellationToken.None));

        _clock.Advance(TimeSpan.FromSeconds(10));
        var due = await _store.GetDueAsync(10, CancellationToken.None);
        Assert.Equal(["""{"n":1}""", """{"n":2}"""], due.Select(m => m.Body));
        Assert.Equal(1, due[0].Attempts);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TestFolders.TryDelete(_directory);
    }
}
