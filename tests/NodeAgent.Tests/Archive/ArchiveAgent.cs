using LineaHub.NodeAgent.Archive;
using LineaHub.NodeAgent.Connection;
using LineaHub.NodeAgent.Join;
using LineaHub.NodeAgent.Outbox;
using LineaHub.NodeAgent.Tests.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Time.Testing;

namespace LineaHub.NodeAgent.Tests.Archive;

/// <summary>
/// The agent's real composition (<see cref="AgentApp.Build"/>) on a throwaway data folder, joined on paper to an
/// <see cref="ArchiveTestHub"/>, on a clock the test moves. Not started unless a test wants its local API; tests drive the
/// batcher and the sender one pass at a time. <see cref="RestartAsync"/> is a new process on the same folder.
/// </summary>
internal sealed class ArchiveAgent : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> _settings;
    private readonly bool _listen;

    private ArchiveAgent(ArchiveTestHub hub, string folder, Dictionary<string, string?> settings, bool listen)
    {
        Hub = hub;
        Folder = folder;
        _settings = settings;
        _listen = listen;
        App = Build();
    }

    public ArchiveTestHub Hub { get; }

    public string Folder { get; }

    public FakeTimeProvider Clock { get; } = new(Start);

    public WebApplication App { get; private set; }

    /// <summary>The local API's address, once <see cref="StartAsync"/> ran.</summary>
    public Uri LocalApi => new(App.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single() + "/");

    /// <param name="settings">Configuration of the agent, e.g. <c>Archive:BatchSize</c>.</param>
    /// <param name="listen">Give the local API a free port, for tests that start the agent.</param>
    public static async Task<ArchiveAgent> CreateAsync(IDictionary<string, string?>? settings = null, bool listen = false)
    {
        var hub = await ArchiveTestHub.StartAsync(Start);
        var folder = Path.Combine(Path.GetTempPath(), "lineahub-tests", "archive-" + Guid.NewGuid().ToString("N"));
        var agent = new ArchiveAgent(hub, folder, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()), listen);
        var nodeId = Guid.NewGuid();
        await agent.Get<AgentIdentityStore>().SaveIdentityAsync(
            new AgentIdentity(nodeId, $"node-{nodeId:N}", hub.BaseAddress, hub.BaseAddress, new Uri(hub.BaseAddress, "connect/token"), ["network.node"], 15, Start),
            CancellationToken.None);
        return agent;
    }

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public Task StartAsync() => App.StartAsync();

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
    public async Task RestartAsync()
    {
        await StopAppAsync();
        SqliteConnection.ClearAllPools();
        App = Build();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAppAsync();
        await Hub.DisposeAsync();
        SqliteConnection.ClearAllPools();
        TestFolders.TryDelete(Folder);
    }

    private async Task StopAppAsync()
    {
        try
        {
            await App.StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        await App.DisposeAsync();
    }

    private WebApplication Build() =>
        AgentApp.Build(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Testing" }, builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Agent:DataDirectory"] = Folder,
                ["Logging:LogLevel:Default"] = "Warning",
            });
            builder.Configuration.AddInMemoryCollection(_settings);
            if (_listen)
            {
                builder.WebHost.UseUrls("http://127.0.0.1:0");
            }

            builder.Services.AddSingleton<TimeProvider>(Clock);

            // The hub client as the agent names it, minus the token handler: the stand-in hub needs no auth.
            builder.Services.PostConfigure<HttpClientFactoryOptions>(HubClient.Name, options => options.HttpMessageHandlerBuilderActions.Clear());
        });
}
