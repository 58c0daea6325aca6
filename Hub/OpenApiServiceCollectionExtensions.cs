using LineaHub.Hub.Idempotency;
using Microsoft.OpenApi;

namespace LineaHub.Hub;

public static class OpenApiServiceCollectionExtensions
{
    public static IServiceCollection AddHubOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "LineaHub API",
                Version = "v1",
                Description = "La rete degli URP: registro dei nodi, adesione, capacità, tassonomia. " +
                    "Token OAuth 2.0 client credentials su /connect/token (private_key_jwt per i nodi).",
            });
            swagger.OperationFilter<IdempotencyKeyOperationFilter>();
        });
        return services;
    }
}
