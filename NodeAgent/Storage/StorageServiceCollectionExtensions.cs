using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LineaHub.NodeAgent.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The agent's SQLite database; every feature that stores something calls this, so it only adds once.</summary>
    public static IHostApplicationBuilder AddAgentDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<AgentDatabase>();
        return builder;
    }
}
