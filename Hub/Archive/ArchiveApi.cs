using LineaHub.Hub.Auth;
using LineaHub.Hub.Idempotency;
using LineaHub.Hub.Nodes;
using LineaHub.Schemas.Archive;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Archive;

/// <summary>The unified archive's intake, for nodes (<c>network.node</c>).</summary>
public static class ArchiveApi
{
    public static IEndpointRouteBuilder MapArchiveApi(this IEndpointRouteBuilder app)
    {
        var maxBatchBytes = app.ServiceProvider.GetRequiredService<IOptions<ArchiveOptions>>().Value.MaxBatchBytes;
        var group = app.MapGroup("/api/v1/archive")
            .WithTags("Archive")
            .RequireAuthorization(HubPolicies.Node)
            .AddEndpointFilter<NodeCallerFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        // Agents send batches through their outbox and retry until answered, each with a fixed Idempotency-Key.
        group.MapPost("/batches", IngestAsync)
            .WithIdempotency()
            .WithMetadata(new RequestSizeLimitAttribute(maxBatchBytes))
            .WithName("IngestArchiveBatch")
            .WithSummary("The calling office sends anonymised closed contacts; each is stored once or refused with its reasons (e.g. personal data left in the text).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Ok<ArchiveBatchResponse>> IngestAsync(
        ArchiveBatchRequest request, IngestArchiveBatch ingest, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ingest.IngestAsync(request, cancellationToken));
}
