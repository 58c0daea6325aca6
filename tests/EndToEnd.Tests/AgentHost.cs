using LineaHub.NodeAgent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LineaHub.EndToEnd.Tests;

/// <summary>A real agent (the same composition as the NodeAgent binary) with its own data folder.</summary>
internal sealed class AgentHost : IAsyncDisposable
{
    private AgentHost(WebApplication app, string dataDirectory)
    {
        App = app;
        DataDirectory = dataDirectory;
    }

    public WebApplication App { get; }

    public string DataDirectory { get; }

    public IServiceProvider Services => App.Services;

    public Uri LocalApi => new(App.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single() + "/");

    /// <summary>Builds an agent; it is not started, so CLI-like steps (join) can run first.</summary>
    /// <param name="settings">Configuration entries of this agent (e.g. <c>Overflow:ThresholdSeconds</c>).</param>
    public static AgentHost Create(string? dataDirectory = null, TimeProvider? clock = null, IDictionary<string, string?>? settings = null)
    {
        var folder = dataDirectory ?? Path.Combine(Path.GetTempPath(), "lineahub-agent-" + Guid.NewGuid().ToString("N"));
        var app = AgentApp.Build(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Testing" }, builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Agent:DataDirectory"] = folder,
                ["Logging:LogLevel:Default"] = "Warning",

                // These tests cut the hub off for seconds, not hours: with the production caps (a minute for the inbox,
                // five for the outbox) one jittered wait after a few failures could outlast a test's whole ceiling.
                ["Inbox:MaxDelaySeconds"] = "2",
                ["Outbox:MaxDelaySeconds"] = "2",
            });
            builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            if (clock is not null)
            {
                builder.Services.AddSingleton(clock);
            }
        });
        return new AgentHost(app, folder);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    public static void DeleteData(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
