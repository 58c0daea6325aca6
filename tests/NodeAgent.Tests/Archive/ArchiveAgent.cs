using LineaHub.NodeAgent.Archive;
using LineaHub.NodeAgent.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;

namespace LineaHub.NodeAgent.Tests.Archive;

/// <summary>
/// The agent's real composition (<see cref="AgentProcess"/>) joined on paper to an <see cref="ArchiveTestHub"/>, on a clock the
/// test moves. Not started unless a test wants its local API; tests drive the batcher and the sender one pass at a time.
/// <see cref="RestartAsync"/> is a new process on the same folder.
/// </summary>
internal sealed class ArchiveAgent : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private readonly AgentProcess _process;

    private ArchiveAgent(ArchiveTestHub hub, AgentProcess process)
    {
        Hub = hub;
        _process = process;
    }

    public ArchiveTestHub Hub { get; }

    public string Folder => _process.Folder;

    public FakeTimeProvider Clock => _process.Clock;

    public WebApplication App => _process.App;

    /// <summary>The local API's address, once <see cref="StartAsync"/> ran.</summary>
    public Uri LocalApi => _process.LocalApi;

    /// <param name="settings">Configuration of the agent, e.g. <c>Archive:BatchSize</c>.</param>
    /// <param name="listen">Give the local API a free port, for tests that start the agent.</param>
    public static async Task<ArchiveAgent> CreateAsync(IDictionary<string, string?>? settings = null, bool listen = false)
    {
        var hub = await ArchiveTestHub.StartAsync(Start);
        var agent = new ArchiveAgent(hub, new AgentProcess(hub.BaseAddress, "archive", new FakeTimeProvider(Start), settings, listen, withoutLoops: false));
        await agent._process.JoinOnPaperAsync();
        return agent;
    }

    public T Get<T>()
        where T : notnull => _process.Get<T>();

    public Task StartAsync() => _process.StartAsync();

    public Task<ArchiveOutcome> CloseAsync(ClosedContact contact) => Get<ContactArchiver>().ArchiveAsync(contact, CancellationToken.None);

    public Task<ArchiveBatching> FormBatchesAsync() => Get<ArchiveBatcher>().FormDueAsync(CancellationToken.None);

    public Task<OutboxPass> SendAsync() => Get<OutboxSender>().SendDueAsync(CancellationToken.None);

    public Task<ArchiveStatus> StatusAsync() => Get<ArchiveStatusQuery>().GetAsync(CancellationToken.None);

    /// <summary>Batches due now, then one pass of the sender, until nothing more leaves.</summary>
    public async Task DeliverAsync()
    {
        while ((await FormBatchesAsync()).Batches > 0 | (await SendAsync()).Delivered > 0)
        {
        }
    }

    /// <summary>As if the agent process ended and started again on the same folder (same clock).</summary>
    public Task RestartAsync() => _process.RestartAsync(start: false);

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        await Hub.DisposeAsync();
    }
}
