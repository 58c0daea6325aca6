using System.Net.Http.Json;
using LineaHub.NodeAgent.Connection;
using LineaHub.NodeAgent.Faq;
using LineaHub.NodeAgent.Join;
using LineaHub.NodeAgent.Outbox;
using LineaHub.NodeAgent.Storage;
using LineaHub.NodeAgent.Tests.Storage;
using LineaHub.Schemas.Faq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Time.Testing;

namespace LineaHub.NodeAgent.Tests.Faq;

/// <summary>
/// The agent's real composition on a throwaway data folder, joined on paper to a <see cref="FaqTestHub"/>, on a clock the test
/// moves, its local API on a free loopback port. Started without its background loops (sync, batcher, sender, inbox, capacity):
/// tests sync, form batches and send one pass at a time. <see cref="RestartAsync"/> is a new process on the same folder.
/// </summary>
internal sealed class FaqAgent : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> _settings;

    private FaqAgent(FaqTestHub hub, string folder, Dictionary<string, string?> settings)
    {
        Hub = hub;
        Folder = folder;
        _settings = settings;
        App = Build();
    }

    public FaqTestHub Hub { get; }

    public string Folder { get; }

    public FakeTimeProvider Clock { get; } = new(Start);

    public WebApplication App { get; private set; }

    public HttpClient Local { get; private set; } = null!;

    public static async Task<FaqAgent> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var hub = await FaqTestHub.StartAsync();
        var folder = Path.Combine(Path.GetTempPath(), "lineahub-tests", "faq-" + Guid.NewGuid().ToString("N"));
        var agent = new FaqAgent(hub, folder, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()));
        var nodeId = Guid.NewGuid();
        await agent.Get<AgentIdentityStore>().SaveIdentityAsync(
            new AgentIdentity(nodeId, $"node-{nodeId:N}", hub.BaseAddress, hub.BaseAddress, new Uri(hub.BaseAddress, "connect/token"), ["network.node"], 15, Start),
            CancellationToken.None);
        await agent.StartAppAsync();
        return agent;
    }

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public Task<int> SyncAsync() => Get<FaqSync>().SyncOnceAsync(CancellationToken.None);

    public Task<DateTimeOffset?> FormSearchBatchesAsync() => Get<FaqSearchLogBatcher>().FormDueAsync(CancellationToken.None);

    public Task<OutboxPass> SendAsync() => Get<OutboxSender>().SendDueAsync(CancellationToken.None);

    public Task<IReadOnlyList<OutboxMessage>> PendingAsync() => Get<OutboxStore>().GetDueAsync(1000, CancellationToken.None);

    public async Task<LocalFaqSearchResponse> SearchAsync(string query, string extra = "")
    {
        using var response = await Local.GetAsync($"api/v1/faq/search?q={Uri.EscapeDataString(query)}{extra}");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<LocalFaqSearchResponse>())!;
    }

    public Task<object?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters) =>
        Get<AgentDatabase>().ReadAsync(transaction => transaction.ScalarAsync(sql, CancellationToken.None, parameters), CancellationToken.None);

    public async Task<IReadOnlyList<string>> FoundIdsAsync(string query) => [.. (await SearchAsync(query)).Hits.Select(h => h.Id)];

    /// <summary>As if the agent process ended and started again on the same folder (same clock).</summary>
    public async Task RestartAsync()
    {
        await StopAppAsync();
        SqliteConnection.ClearAllPools();
        App = Build();
        await StartAppAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAppAsync();
        await Hub.DisposeAsync();
        SqliteConnection.ClearAllPools();
        TestFolders.TryDelete(Folder);
    }

    private async Task StartAppAsync()
    {
        await App.StartAsync();
        var address = App.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Local = new HttpClient { BaseAddress = new Uri(address + "/") };
    }

    private async Task StopAppAsync()
    {
        Local?.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    /// <summary>The container without the agent's own hosted services; the web server still starts.</summary>
    private sealed class WithoutAgentLoops : IServiceProviderFactory<IServiceCollection>
    {
        public IServiceCollection CreateBuilder(IServiceCollection services)
        {
            var loops = services.Where(d => d.ServiceType == typeof(IHostedService)
                && (d.ImplementationFactory is not null || d.ImplementationType?.Assembly == typeof(AgentApp).Assembly)).ToList();
            foreach (var loop in loops)
            {
                services.Remove(loop);
            }

            return services;
        }

        public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder) => containerBuilder.BuildServiceProvider();
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
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.AddSingleton<TimeProvider>(Clock);
            builder.Host.UseServiceProviderFactory(new WithoutAgentLoops());

            // The hub client as the agent names it, minus the token handler: the stand-in hub needs no auth.
            builder.Services.PostConfigure<HttpClientFactoryOptions>(HubClient.Name, options => options.HttpMessageHandlerBuilderActions.Clear());
        });
}
