using LineaHub.NodeAgent.Capacity;
using LineaHub.NodeAgent.Join;
using LineaHub.NodeAgent.Outbox;
using LineaHub.Schemas.Capacity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LineaHub.NodeAgent.Local;

/// <summary>
/// The office-facing API. It listens on loopback by default (the office's own systems call it); the hub
/// never calls the agent: every exchange with the hub is an outbound call.
/// </summary>
public static class LocalApi
{
    public static IEndpointRouteBuilder MapLocalApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Agente");
        group.MapGet("/status", GetStatusAsync)
            .WithName("GetAgentStatus")
            .WithSummary("Identity of the agent and outcome of the last capacity report.");
        group.MapPut("/capacity", SetCapacity)
            .WithName("SetCapacity")
            .WithSummary("The office's system sets its current figures; the next report carries them to the hub.")
            .ProducesValidationProblem();
        app.MapGet("/health/live", () => TypedResults.Ok()).WithName("AgentLive").WithSummary("The agent process is up.");
        return app;
    }

    private static async Task<Ok<AgentStatus>> GetStatusAsync(
        AgentIdentityStore store,
        CapacityState capacity,
        OutboxStore outbox,
        CancellationToken cancellationToken)
    {
        var identity = store.IsJoined ? await store.LoadIdentityAsync(cancellationToken) : null;
        return TypedResults.Ok(new AgentStatus(
            identity is not null,
            identity?.NodeId,
            identity?.ClientId,
            identity?.HubUrl,
            capacity.Current,
            capacity.LastOutcome,
            await outbox.CountPendingAsync(cancellationToken),
            await outbox.CountDeadAsync(cancellationToken),
            JoinService.AgentVersion));
    }

    private static Results<Ok<CapacityReport>, ValidationProblem> SetCapacity(CapacityReport report, CapacityState capacity)
    {
        var problems = CapacityRules.Problems(report);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems, title: "Valori di capacità non validi");
        }

        capacity.Set(report);
        return TypedResults.Ok(report);
    }
}
