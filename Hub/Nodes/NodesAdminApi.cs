using LineaHub.Hub.Auth;
using LineaHub.Schemas.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LineaHub.Hub.Nodes;

/// <summary>The node registry for network administrators (<c>hub.admin</c>).</summary>
public static class NodesAdminApi
{
    public static IEndpointRouteBuilder MapNodesAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin/nodes")
            .WithTags("Admin: nodes")
            .RequireAuthorization(HubPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/", CreateAsync)
            .WithName("CreateNode")
            .WithSummary("Registers a member office and returns its one-time join code.")
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListAsync)
            .WithName("ListNodes")
            .WithSummary("Lists registered nodes, optionally by status and region.");
        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetNode")
            .WithSummary("Gets one node.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/suspend", SuspendAsync)
            .WithName("SuspendNode")
            .WithSummary("Suspends a node: it gets no tokens and its calls are refused.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/reactivate", ReactivateAsync)
            .WithName("ReactivateNode")
            .WithSummary("Lifts a suspension.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/join-codes", IssueJoinCodeAsync)
            .WithName("IssueJoinCode")
            .WithSummary("Issues a new one-time join code (e.g. to reinstall an agent); earlier unused codes are withdrawn.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Created<CreatedNodeResponse>> CreateAsync(CreateNodeRequest request, NodeRegistry registry, CancellationToken cancellationToken)
    {
        var created = await registry.RegisterAsync(request, cancellationToken);
        return TypedResults.Created($"/api/v1/admin/nodes/{created.Node.Id}", created);
    }

    private static async Task<Ok<IReadOnlyList<NodeResponse>>> ListAsync(string? status, string? region, NodeRegistry registry, CancellationToken cancellationToken) =>
        TypedResults.Ok(await registry.ListAsync(status, region, cancellationToken));

    private static async Task<Ok<NodeResponse>> GetAsync(Guid id, NodeRegistry registry, CancellationToken cancellationToken) =>
        TypedResults.Ok(await registry.GetAsync(id, cancellationToken));

    private static async Task<Ok<NodeResponse>> SuspendAsync(Guid id, NodeRegistry registry, CancellationToken cancellationToken) =>
        TypedResults.Ok(await registry.SuspendAsync(id, cancellationToken));

    private static async Task<Ok<NodeResponse>> ReactivateAsync(Guid id, NodeRegistry registry, CancellationToken cancellationToken) =>
        TypedResults.Ok(await registry.ReactivateAsync(id, cancellationToken));

    private static async Task<Created<JoinCodeResponse>> IssueJoinCodeAsync(Guid id, NodeRegistry registry, CancellationToken cancellationToken) =>
        TypedResults.Created($"/api/v1/admin/nodes/{id}", await registry.IssueJoinCodeAsync(id, cancellationToken));
}
