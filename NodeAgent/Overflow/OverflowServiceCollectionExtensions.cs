using LineaHub.NodeAgent.Outbox;
using LineaHub.NodeAgent.Storage;

namespace LineaHub.NodeAgent.Overflow;

public static class OverflowServiceCollectionExtensions
{
    /// <summary>
    /// The overflow exchange: local records of own and received tickets, the inbox consumer, the offer policy and
    /// its runner. Needs what the agent registers anyway (identity, hub client, capacity, outbox, local tickets).
    /// </summary>
    public static IHostApplicationBuilder AddOverflow(this IHostApplicationBuilder builder)
    {
        builder.AddAgentDatabase();
        var services = builder.Services;
        services.AddOptions<OverflowOptions>().BindConfiguration(OverflowOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<InboxOptions>().BindConfiguration(InboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OwnTicketStore>();
        services.AddSingleton<ReceivedTicketStore>();
        services.AddSingleton<InboxLog>();
        services.AddSingleton<TicketViewRecorder>();
        services.AddSingleton<IOutboxDeliveryListener, TicketDeliveries>();
        services.AddSingleton<OverflowPolicy>();
        services.AddSingleton<OverflowOffers>();
        services.AddHostedService<OverflowPolicyRunner>();
        services.AddSingleton<InboxState>();
        services.AddSingleton<InboxHandler>();
        services.AddSingleton<InboxConsumer>();
        services.AddHostedService(provider => provider.GetRequiredService<InboxConsumer>());
        services.AddSingleton<ReceivedTickets>();
        services.AddSingleton<OverflowStatusQuery>();
        return builder;
    }
}
