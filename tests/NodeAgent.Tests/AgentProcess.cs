using LineaHub.NodeAgent.Connection;
using LineaHub.NodeAgent.Join;
using LineaHub.NodeAgent.Tests.Storage;
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

namespace LineaHub.NodeAgent.Tests;

/// <summary>
/// The agent's real composition (<see cref="AgentApp.Build"/>) on a throwaway data folder, joined on paper to a stand-in hub
/// (an identity file, no join), on a clock the test moves, with the hub client's token handler removed (stand-in hubs need no
/// auth). <see cref="RestartAsync"/> is a new process on the same folder; disposing deletes the folder.
/// </summary>
internal sealed class AgentProcess : IAsyncDisposable
{
    private readonly Uri _hub;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly bool _listen;
    private readonly bool _withoutLoops;

    /// <param name="listen">Give the local API a free loopback port, for tests that start the agent.</param>
    /// <param name="withoutLoops">Leave out the agent's own background loops (sync, batchers, sender, inbox, capacity): the
    /// web server still starts, and the test runs each step itself.</param>
    public AgentProcess(Uri hub, string folderPrefix, FakeTimeProvider clock, IDictionary<string, string?>? settings, bool listen, bool withoutLoops)
    {
        _hub = hub;
        Folder = Path.Combine(Path.GetTempPath(), "lineahub-tests", folderPrefix + "-" + Guid.NewGuid().ToString("N"));
        Clock = clock;
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        _listen = listen;
        _withoutLoops = withoutLoops;
        App = Build();
    }

    public string Folder { get; }

    public FakeTimeProvider Clock { get; }

    public WebApplication App { get; private set; }

    /// <summary>The local API's address, once started.</summary>
    public Uri LocalApi => new(App.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single() + "/");

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Writes the identity an agent that joined the stand-in hub would have.</summary>
    public Task JoinOnPaperAsync()
    {
        var nodeId = Guid.NewGuid();
        return Get<AgentIdentityStore>().SaveIdentityAsync(
            new AgentIdentity(nodeId, $"node-{nodeId:N}", _hub, _hub, new Uri(_hub, "connect/token"), ["network.node"], 15, Clock.GetUtcNow()),
            CancellationToken.None);
    }

    public Task StartAsync() => App.StartAsync();

    /// <summary>As if the agent process ended and started again on the same folder (same clock); started again only if asked.</summary>
    public async Task RestartAsync(bool start)
    {
        await StopAppAsync();
        SqliteConnection.ClearAllPools();
        App = Build();
        if (start)
        {
            await App.StartAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAppAsync();
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
            if (_withoutLoops)
            {
                builder.Host.UseServiceProviderFactory(new WithoutAgentLoops());
            }

            builder.Services.PostConfigure<HttpClientFactoryOptions>(HubClient.Name, options => options.HttpMessageHandlerBuilderActions.Clear());
        });

    /// <summary>The container without the agent's own hosted services; the web server's stays.</summary>
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
}
