using LineaHub.Hub.Auth;
using LineaHub.Hub.Errors;
using LineaHub.Hub.Nodes;
using LineaHub.Schemas.Overflow;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LineaHub.Hub.Overflow;

/// <summary>
/// Each office's inbox (<c>network.node</c>): offers, status changes of its tickets, requests to seal contact data
/// and sealed contact data. The hub never calls an agent; the agent long-polls here and acknowledges.
/// </summary>
public static class InboxApi
{
    /// <summary>The longest a poll is held open when nothing is waiting.</summary>
    public const int MaxWaitSeconds = 30;

    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(1);

    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/inbox")
            .WithTags("Inbox")
            .RequireAuthorization(HubPolicies.Node)
            .AddEndpointFilter<NodeCallerFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", ReadAsync)
            .WithName("ReadInbox")
            .WithSummary("The calling office's unacknowledged messages, oldest first; waits up to waitSeconds for one (long poll).")
            .ProducesValidationProblem();
        group.MapPost("/ack", AcknowledgeAsync)
            .WithName("AcknowledgeInbox")
            .WithSummary("The office has recorded every message up to and including upTo: the hub forgets them.")
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<Ok<InboxPage>> ReadAsync(int? waitSeconds, NodeCaller caller, Inbox inbox, CancellationToken cancellationToken)
    {
        if (waitSeconds is < 0 or > MaxWaitSeconds)
        {
            throw RequestValidationException.Invalid("waitSeconds", $"Tra 0 e {MaxWaitSeconds} secondi.");
        }

        return TypedResults.Ok(await inbox.ReadAsync(caller.Node.Id, TimeSpan.FromSeconds(waitSeconds ?? 0), Recheck, cancellationToken));
    }

    private static async Task<NoContent> AcknowledgeAsync(InboxAckRequest request, NodeCaller caller, Inbox inbox, CancellationToken cancellationToken)
    {
        if (request.UpTo is not >= 0)
        {
            throw RequestValidationException.Invalid("upTo", "Indicare l'id dell'ultimo messaggio registrato (0 o più).");
        }

        await inbox.AcknowledgeAsync(caller.Node.Id, request.UpTo.Value, cancellationToken);
        return TypedResults.NoContent();
    }
}
