using System.Globalization;
using LineaHub.Hub.Auth;
using LineaHub.Hub.Errors;
using LineaHub.Hub.Idempotency;
using LineaHub.Hub.Nodes;
using LineaHub.Hub.Overflow;
using LineaHub.Schemas.Overflow;
using LineaHub.Schemas.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LineaHub.Hub.Tickets;

/// <summary>The ticket unico for nodes (<c>network.node</c>).</summary>
public static class TicketsApi
{
    public static IEndpointRouteBuilder MapTicketsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tickets")
            .WithTags("Tickets")
            .RequireAuthorization(HubPolicies.Node)
            .AddEndpointFilter<NodeCallerFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        // Agents send these through their outbox and retry until acknowledged, each with a fixed Idempotency-Key.
        group.MapPost("/", OpenAsync)
            .WithIdempotency()
            .WithName("OpenTicket")
            .WithSummary("The calling office opens a shared ticket and gets its network-wide code.")
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/", ListAsync)
            .WithName("ListTickets")
            .WithSummary("Tickets the calling office opened or holds, newest first, with filters and a cursor.")
            .ProducesValidationProblem();
        group.MapGet("/{code}", GetAsync)
            .WithName("GetTicket")
            .WithSummary("Any active office looks a ticket up by its exact code: status, holder, summary, history, SLA.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{code}/events", MoveAsync)
            .WithIdempotency()
            .WithName("MoveTicket")
            .WithSummary("Moves a ticket (offer to the network, accept, decline, return, pend, resume, resolve, close, reopen, cancel), guarded by the state machine and the version.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPut("/{code}/contact", HandOverContactAsync)
            .WithIdempotency()
            .WithName("HandOverContact")
            .WithSummary("The origin hands the citizen's contact data to the receiving office, sealed for its key (JWE): the hub keeps only ciphertext.")
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone);
        return app;
    }

    private static async Task<Created<TicketView>> OpenAsync(
        OpenTicketRequest request, NodeCaller caller, OpenTicket open, HttpContext http, CancellationToken cancellationToken)
    {
        var view = await open.OpenAsync(caller.Node, request, cancellationToken);
        SetETag(http, view);
        return TypedResults.Created($"/api/v1/tickets/{view.Code}", view);
    }

    private static async Task<Ok<TicketPage>> ListAsync(
        string? role, string? status, string? category, int? limit, string? cursor,
        NodeCaller caller, TicketQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.ListAsync(caller.Node, role, status, category, limit, cursor, cancellationToken));

    private static async Task<Ok<TicketView>> GetAsync(string code, TicketQueries queries, HttpContext http, CancellationToken cancellationToken)
    {
        var view = await queries.GetAsync(code, cancellationToken);
        SetETag(http, view);
        return TypedResults.Ok(view);
    }

    private static async Task<Ok<TicketView>> MoveAsync(
        string code, TicketEventRequest request, NodeCaller caller, MoveTicket move, HttpContext http, CancellationToken cancellationToken)
    {
        var view = await move.ApplyAsync(caller.Node, code, request, IfMatch(http), cancellationToken);
        SetETag(http, view);
        return TypedResults.Ok(view);
    }

    private static async Task<NoContent> HandOverContactAsync(
        string code, ContactUploadRequest request, NodeCaller caller, HandOverContact handOver, CancellationToken cancellationToken)
    {
        await handOver.UploadAsync(caller.Node, code, request, cancellationToken);
        return TypedResults.NoContent();
    }

    private static void SetETag(HttpContext http, TicketView view) =>
        http.Response.Headers.ETag = $"\"{view.Version.ToString(CultureInfo.InvariantCulture)}\"";

    private static int? IfMatch(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        return int.TryParse(header.Trim().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw RequestValidationException.Invalid("If-Match", "Indicare la versione del ticket, es. \"3\" (valore dell'ETag).");
    }
}
