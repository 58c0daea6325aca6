using LineaHub.NodeAgent.Storage;

namespace LineaHub.NodeAgent.Faq;

public static class FaqServiceCollectionExtensions
{
    /// <summary>
    /// The office's FAQ replica, its sync with the hub, local search, feedback and the search log's batches. Needs the outbox,
    /// which carries feedback and search batches, and the hub client.
    /// </summary>
    public static IHostApplicationBuilder AddFaq(this IHostApplicationBuilder builder)
    {
        builder.AddAgentDatabase();
        var services = builder.Services;
        services.AddOptions<FaqReplicaOptions>().BindConfiguration(FaqReplicaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FaqReplicaStore>();
        services.AddSingleton<FaqReplica>();
        services.AddSingleton<FaqSearchLog>();
        services.AddSingleton<LocalFaq>();
        services.AddSingleton<FaqSync>();
        services.AddHostedService(provider => provider.GetRequiredService<FaqSync>());
        services.AddSingleton<FaqSearchLogBatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<FaqSearchLogBatcher>());
        return builder;
    }
}
