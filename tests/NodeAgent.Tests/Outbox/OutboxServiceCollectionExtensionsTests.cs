using LineaHub.NodeAgent.Connection;
using LineaHub.NodeAgent.Join;
using LineaHub.NodeAgent.Outbox;
using LineaHub.NodeAgent.Tests.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LineaHub.NodeAgent.Tests.Outbox;

public sealed class OutboxServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lineahub-tests", "di-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Outbox_options_come_from_the_outbox_section()
    {
        using var host = Build(new() { ["Outbox:MaxDelaySeconds"] = "600", ["Outbox:IdlePollSeconds"] = "5" });

        var options = host.Services.GetRequiredService<IOptions<OutboxOptions>>().Value;

        Assert.Equal((1, 600, 5), (options.BaseDelaySeconds, options.MaxDelaySeconds, options.IdlePollSeconds));
    }

    [Fact]
    public void Running_sender_is_the_same_instance_the_services_hand_out()
    {
        using var host = Build([]);

        var sender = host.Services.GetRequiredService<OutboxSender>();

        Assert.Same(sender, Assert.Single(host.Services.GetServices<IHostedService>().OfType<OutboxSender>()));
        Assert.Same(host.Services.GetRequiredService<OutboxStore>(), host.Services.GetRequiredService<OutboxStore>());
    }

    [Theory]
    [InlineData("Outbox:BaseDelaySeconds", "0")]
    [InlineData("Outbox:MaxDelaySeconds", "0")]
    [InlineData("Outbox:BatchSize", "0")]
    public async Task Invalid_outbox_settings_stop_the_agent_at_start(string key, string value)
    {
        using var host = Build(new() { [key] = value });

        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    [Fact]
    public async Task Maximum_delay_below_the_base_delay_stops_the_agent_at_start()
    {
        using var host = Build(new() { ["Outbox:BaseDelaySeconds"] = "60", ["Outbox:MaxDelaySeconds"] = "30" });

        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    public void Dispose() => TestFolders.TryDelete(_directory);

    private IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);

        // What the agent registers itself and the outbox relies on.
        builder.Services.AddSingleton(new AgentPaths(_directory));
        builder.Services.AddSingleton<AgentIdentityStore>();
        builder.Services.AddHttpClient(HubClient.Name);

        builder.AddOutbox();
        return builder.Build();
    }
}
