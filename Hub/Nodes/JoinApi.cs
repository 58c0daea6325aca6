using LineaHub.Hub.Auth;
using LineaHub.Hub.Capacity;
using LineaHub.Schemas.Auth;
using LineaHub.Schemas.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Nodes;

/// <summary>Joining, and what a joined node does about its own identity.</summary>
public static class JoinApi
{
    public static IEndpointRouteBuilder MapJoinApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/join", JoinAsync)
            .WithName("JoinNetwork")
            .WithSummary("An agent joins with its one-time code and registers its public keys.")
            .WithTags("Nodes")
            .AllowAnonymous()
            .RequireRateLimiting(JoinRateLimit.Policy)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        app.MapPost("/api/v1/nodes/me/signing-key", RotateAsync)
            .WithName("RotateSigningKey")
            .WithSummary("Replaces the calling node's signing key; the old key stops working.")
            .WithTags("Nodes")
            .RequireAuthorization(HubPolicies.Node)
            .AddEndpointFilter<NodeCallerFilter>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<Ok<JoinResponse>> JoinAsync(
        JoinRequest request,
        HttpContext http,
        JoinNetwork join,
        IOptions<AuthOptions> auth,
        IOptions<CapacityOptions> capacity,
        CancellationToken cancellationToken)
    {
        var (node, clientId) = await join.JoinAsync(request, cancellationToken);
        var issuer = auth.Value.Issuer ?? new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
        return TypedResults.Ok(new JoinResponse(
            node.Id,
            clientId,
            issuer,
            new Uri(issuer, TokenApi.Path.TrimStart('/')),
            [HubScopes.Node],
            capacity.Value.ReportIntervalSeconds));
    }

    private static async Task<Ok<RotatedKeyResponse>> RotateAsync(
        RotateSigningKeyRequest request,
        NodeCaller caller,
        RotateSigningKey rotate,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(new RotatedKeyResponse(await rotate.RotateAsync(caller.Node, request, cancellationToken)));
}

public sealed record RotatedKeyResponse(string SigningKeyId);
