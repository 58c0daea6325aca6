using LineaHub.NodeAgent.Connection;
using LineaHub.Schemas.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LineaHub.NodeAgent.Tickets;

/// <summary>The ticket unico for the office's own system, on the agent's local API.</summary>
public static class LocalTicketsApi
{
    public static IEndpointRouteBuilder MapLocalTicketsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tickets").WithTags("Ticket");
        group.MapPost("/", OpenAsync)
            .WithName("OpenLocalTicket")
            .WithSummary("Opens a shared ticket, optionally with the citizen's contact data (kept here): the code is final at once; the hub gets it through the outbox.")
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{code}/events", MoveAsync)
            .WithName("MoveLocalTicket")
            .WithSummary("Queues a status change of a ticket for the hub.")
            .ProducesValidationProblem();
        group.MapGet("/{code}", GetAsync)
            .WithName("GetLocalTicket")
            .WithSummary("Looks a ticket up on the hub by its code.")
            .ProducesProblem(StatusCodes.Status502BadGateway);
        group.MapGet("/", ListAsync)
            .WithName("ListLocalTickets")
            .WithSummary("Tickets this office opened or holds, from the hub.")
            .ProducesProblem(StatusCodes.Status502BadGateway);
        return app;
    }

    private static async Task<Results<Accepted<TicketQueued>, ProblemHttpResult>> OpenAsync(
        LocalOpenTicketRequest request, LocalTickets tickets, CancellationToken cancellationToken)
    {
        try
        {
            var queued = await tickets.OpenAsync(request.ToHubRequest(), request.Contact, cancellationToken);
            return TypedResults.Accepted($"/api/v1/tickets/{queued.Code}", queued);
        }
        catch (TicketRequestException refused)
        {
            return Refused(refused);
        }
    }

    private static async Task<Results<Accepted<TicketQueued>, ProblemHttpResult>> MoveAsync(
        string code, TicketEventRequest request, LocalTickets tickets, CancellationToken cancellationToken)
    {
        try
        {
            var queued = await tickets.MoveAsync(code, request, cancellationToken);
            return TypedResults.Accepted($"/api/v1/tickets/{queued.Code}", queued);
        }
        catch (TicketRequestException refused)
        {
            return Refused(refused);
        }
    }

    private static async Task<Results<Ok<TicketView>, ProblemHttpResult>> GetAsync(string code, LocalTickets tickets, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await tickets.GetAsync(code, cancellationToken));
        }
        catch (Exception exception) when (exception is HubProblemException or HttpRequestException)
        {
            return HubFailed(exception);
        }
    }

    private static async Task<Results<Ok<TicketPage>, ProblemHttpResult>> ListAsync(
        string? status, int? limit, string? cursor, LocalTickets tickets, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await tickets.ListAsync(status, limit, cursor, cancellationToken));
        }
        catch (Exception exception) when (exception is HubProblemException or HttpRequestException)
        {
            return HubFailed(exception);
        }
    }

    private static ProblemHttpResult Refused(TicketRequestException refused) =>
        TypedResults.Problem(new HttpValidationProblemDetails(refused.Errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Title = refused.UnknownCodes ? "Valori non riconosciuti" : "Richiesta non valida",
            Status = refused.UnknownCodes ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest,
        });

    /// <summary>The hub's own answer (404, 400 …) is passed on; an unreachable hub is a 502.</summary>
    private static ProblemHttpResult HubFailed(Exception exception) => exception is HubProblemException problem
        ? TypedResults.Problem(statusCode: (int)problem.Status, title: "Risposta dell'hub", detail: problem.Message)
        : TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Hub non raggiungibile",
            detail: "L'hub non risponde: le modifiche restano in coda e partiranno appena torna raggiungibile.");
}
