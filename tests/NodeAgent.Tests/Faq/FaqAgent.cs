using System.Net.Http.Json;
using LineaHub.NodeAgent.Faq;
using LineaHub.NodeAgent.Outbox;
using LineaHub.NodeAgent.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;

namespace LineaHub.NodeAgent.Tests.Faq;

/// <summary>
/// The agent's real composition (<see cref="AgentProcess"/>) joined on paper to a <see cref="FaqTestHub"/>, on a clock the test
/// moves, its local API on a free loopback port. Started without its background loops: tests sync, form batches and send one
/// pass at a time. <see cref="RestartAsync"/> is a new process on the same folder.
/// </summary>
internal sealed class FaqAgent : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly AgentProcess _process;

    private FaqAgent(FaqTestHub hub, AgentProcess process)
    {
        Hub = hub;
        _process = process;
    }

    public FaqTestHub Hub { get; }

    public string Folder => _process.Folder;

    public FakeTimeProvider Clock => _process.Clock;

    public WebApplication App => _process.App;

    /// <summary>The local API, as the office's system calls it.</summary>
    public HttpClient Local { get; private set; } = null!;

    public static async Task<FaqAgent> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var hub = await FaqTestHub.StartAsync();
        var agent = new FaqAgent(hub, new AgentProcess(hub.BaseAddress, "faq", new FakeTimeProvider(Start), settings, listen: true, withoutLoops: true));
        await agent._process.JoinOnPaperAsync();
        await agent._process.StartAsync();
        agent.Connect();
        return agent;
    }

    public T Get<T>()
        where T : notnull => _process.Get<T>();

    public Task<int> SyncAsync() => Get<FaqSync>().SyncOnceAsync(CancellationToken.None);

    public Task<DateTimeOffset?> FormSearchBatchesAsync() => Get<FaqSearchLogBatcher>().FormDueAsync(CancellationToken.None);

    public Task<OutboxPass> SendAsync() => Get<OutboxSender>().SendDueAsync(CancellationToken.None);

    public Task<IReadOnlyList<OutboxMessage>> PendingAsync() => Get<OutboxStore>().GetDueAsync(1000, CancellationToken.None);

    public Task<object?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters) =>
        Get<AgentDatabase>().ReadAsync(transaction => transaction.ScalarAsync(sql, CancellationToken.None, parameters), CancellationToken.None);

    public async Task<LocalFaqSearchResponse> SearchAsync(string query, string extra = "")
    {
        using var response = await Local.GetAsync($"api/v1/faq/search?q={Uri.EscapeDataString(query)}{extra}");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<LocalFaqSearchResponse>())!;
    }

    public async Task<IReadOnlyList<string>> FoundIdsAsync(string query) => [.. (await SearchAsync(query)).Hits.Select(h => h.Id)];

    /// <summary>As if the agent process ended and started again on the same folder (same clock).</summary>
    public async Task RestartAsync()
    {
        Local.Dispose();
        await _process.RestartAsync(start: true);
        Connect();
    }

    public async ValueTask DisposeAsync()
    {
        Local.Dispose();
        await _process.DisposeAsync();
        await Hub.DisposeAsync();
    }

    private void Connect() => Local = new HttpClient { BaseAddress = _process.LocalApi };
}
