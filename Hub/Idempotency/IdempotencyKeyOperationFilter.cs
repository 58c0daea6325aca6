using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace LineaHub.Hub.Idempotency;

/// <summary>Documents the optional <c>Idempotency-Key</c> header on the endpoints that honour it.</summary>
internal sealed class IdempotencyKeyOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IdempotentEndpointMetadata>().Any())
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKeyHeader.Name,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Chiave scelta dal chiamante per questa richiesta e ripetuta identica a ogni nuovo invio: " +
                "stessa chiave e stesso contenuto → la stessa risposta (Idempotency-Replayed: true); " +
                "contenuto diverso → 422; richiesta ancora in corso → 409 con Retry-After.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKeyHeader.MaxLength },
        });
    }
}
