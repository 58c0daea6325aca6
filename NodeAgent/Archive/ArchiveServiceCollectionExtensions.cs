using LineaHub.NodeAgent.Outbox;
using LineaHub.NodeAgent.Storage;

namespace LineaHub.NodeAgent.Archive;

public static class ArchiveServiceCollectionExtensions
{
    /// <summary>
    /// The office's side of the unified archive: closing contacts (local API, CSV import), the node's pseudonym secret,
    /// the batcher and the reading of the hub's answers. Needs the outbox, which carries the batches.
    /// </summary>
    public static IHostApplicationBuilder AddArchive(this IHostApplicationBuilder builder)
    {
        builder.AddAgentDatabase();
        var services = builder.Services;
        services.AddOptions<ArchiveOptions>().BindConfiguration(ArchiveOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PseudonymSecret>();
        services.AddSingleton<ArchiveStore>();
        services.AddSingleton<ContactArchiver>();
        services.AddSingleton<ArchiveImport>();
        services.AddSingleton<ArchiveStatusQuery>();
        services.AddSingleton<IOutboxDeliveryListener, ArchiveDeliveries>();
        services.AddSingleton<ArchiveBatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<ArchiveBatcher>());
        return builder;
    }
}
