using LineaHub.NodeAgent.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LineaHub.NodeAgent.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// The durable outbox and its sender. Needs what the agent registers anyway: <see cref="AgentPaths"/>,
    /// <see cref="Join.AgentIdentityStore"/> and the <see cref="Connection.HubClient.Name"/> HTTP client.
    /// </summary>
    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder)
    {
        builder.AddAgentDatabase();
        builder.Services.AddOptions<OutboxOptions>()
            .BindConfiguration(OutboxOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);

        // Singletons: the store carries the in-process "something was enqueued" signal the sender waits on,
        // and the sender is also reachable as itself, e.g. to flush the outbox from the command line.
        builder.Services.TryAddSingleton<OutboxStore>();
        builder.Services.TryAddSingleton<OutboxSender>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OutboxSender>());
        return builder;
    }
}
