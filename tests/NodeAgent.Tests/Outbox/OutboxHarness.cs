using LineaHub.NodeAgent.Connection;
using LineaHub.NodeAgent.Join;
using LineaHub.NodeAgent.Outbox;
using LineaHub.NodeAgent.Storage;
using LineaHub.NodeAgent.Tests.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LineaHub.NodeAgent.Tests.Outbox;

/// <summary>
/// An agent's outbox on a throwaway data folder, joined to a <see cref="TestHub"/>, with a clock the test
/// moves by hand. <see cref="RestartAgent"/> drops every object and reopens the same database file.
/// </summary>
internal sealed class OutboxHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    private OutboxHarness(TestHub hub, AgentPaths paths, OutboxOptions options)
    {
        Hub = hub;
        Paths = paths;
        Options = options;

        // The hub client as the agent names it, minus the token handler: the test hub needs no auth.
        _services = new ServiceCollection().AddHttpClient(HubClient.Name).Services.BuildServiceProvider();
        RestartAgent();
    }

    public WatchedClock Clock { get; } = new(Start);

    public TestHub Hub { get; }

    public AgentPaths Paths { get; }

    public OutboxOptions Options { get; }

    public OutboxStore Store { get; private set; } = null!;

    public OutboxSender Sender { get; private set; } = null!;

    public static async Task<OutboxHarness> StartAsync(OutboxOptions? options = null)
    {
        var hub = await TestHub.StartAsync();
        var paths = new AgentPaths(Path.Combine(Path.GetTempPath(), "lineahub-tests", "outbox-" + Guid.NewGuid().ToString("N")));
        await new AgentIdentityStore(paths).SaveIdentityAsync(
            new AgentIdentity(
                Guid.NewGuid(),
                "urp-test",
                hub.BaseAddress,
                hub.BaseAddress,
                new Uri(hub.BaseAddress, "connect/token"),
                ["lineahub.tickets"],
                15,
                Start),
            CancellationToken.None);
        return new OutboxHarness(hub, paths, options ?? new OutboxOptions { BaseDelaySeconds = 1, MaxDelaySeconds = 60, IdlePollSeconds = 30 });
    }

    /// <summary>As if the agent process ended and started again: new objects, no pooled connections, same file.</summary>
    public void RestartAgent()
    {
        SqliteConnection.ClearAllPools();
        Store = new OutboxStore(new AgentDatabase(Paths), Clock);
        Sender = new OutboxSender(
            Store,
            _services.GetRequiredService<IHttpClientFactory>(),
            new AgentIdentityStore(Paths),
            Clock,
            Microsoft.Extensions.Options.Options.Create(Options),
            NullLogger<OutboxSender>.Instance);
    }

    public Task<OutboxMessage> EnqueueAsync(string body, string relativePath = "api/v1/tickets") =>
        Store.EnqueueAsync("ticket", HttpMethod.Post, relativePath, body, cancellationToken: CancellationToken.None);

    /// <summary>Moves the clock past the longest backoff, so whatever waits is due.</summary>
    public void PassMaxDelay() => Clock.Advance(TimeSpan.FromSeconds(Options.MaxDelaySeconds));

    public async ValueTask DisposeAsync()
    {
        Sender.Dispose();
        await Hub.DisposeAsync();
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        TestFolders.TryDelete(Paths.DataDirectory);
    }
}
