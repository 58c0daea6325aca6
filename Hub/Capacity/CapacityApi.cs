using LineaHub.Hub.Auth;
using LineaHub.Hub.Nodes;
using LineaHub.Schemas.Capacity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LineaHub.Hub.Capacity;

public static class CapacityApi
{
    public static IEndpointRouteBuilder MapCapacityApi(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/v1/nodes/me/capacity", ReportAsync)
            .WithName("ReportCapacity")
            .WithSummary("The calling node reports its capacity; the latest report replaces the previous one.")
            .WithTags("Capacity")
            .RequireAuthorization(HubPolicies.Node)
            .AddEndpointFilter<NodeCallerFilter>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        app.MapGet("/api/v1/admin/network", NetworkAsync)
            .WithName("GetNetwork")
            .WithSummary("Every node with its state (active, stale, suspended, pending) and latest capacity report.")
            .WithTags("Admin: network")
            .RequireAuthorization(HubPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<Ok<CapacityReportAccepted>> ReportAsync(
        CapacityReport report,
        NodeCaller caller,
        CapacityReports reports,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await reports.AcceptAsync(caller.Node, report, cancellationToken));

    private static async Task<Ok<NetworkView>> NetworkAsync(CapacityReports reports, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reports.NetworkAsync(cancellationToken));
}
