using LineaHub.Schemas.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LineaHub.NodeAgent.Overflow;

/// <summary>
/// The overflow exchange on the agent's local API. Accepting or declining an offer is a ticket move like any
/// other (<c>POST /api/v1/tickets/{code}/events</c>), so it goes through the outbox.
/// </summary>
public static class OverflowApi
{
    public static IEndpointRouteBuilder MapOverflowApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/overflow").WithTags("Overflow");
        group.MapGet("/", GetStatusAsync)
            .WithName("GetOverflowStatus")
            .WithSummary("The overflow policy, the office's expected wait, offers made in the last minute against the cap, offers waiting for an answer, own tickets offered or queued.");
        group.MapGet("/received", ListReceivedAsync)
            .WithName("ListReceivedTickets")
            .WithSummary("Tickets other offices handed to this one, newest first, optionally by status (e.g. offered); without contact data.");
        group.MapGet("/received/{code}", GetReceivedAsync)
            .WithName("GetReceivedTicket")
            .WithSummary("One received ticket with the citizen's contact data, opened with this agent's encryption key.")
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<Ok<OverflowStatus>> GetStatusAsync(OverflowStatusQuery query, CancellationToken cancellationToken) =>
        TypedResults.Ok(await query.GetAsync(cancellationToken));

    private static async Task<Ok<IReadOnlyList<ReceivedTicket>>> ListReceivedAsync(
        string? status, int? limit, ReceivedTickets received, CancellationToken cancellationToken) =>
        TypedResults.Ok(await received.ListAsync(status, limit, cancellationToken));

    private static async Task<Results<Ok<ReceivedTicket>, NotFound, ValidationProblem>> GetReceivedAsync(
        string code, ReceivedTickets received, CancellationToken cancellationToken)
    {
        var parsed = TicketCode.Parse(code);
        if (parsed.Code is not { } canonical)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["code"] = [parsed.Reason ?? "Codice di ticket non valido."] },
                title: "Codice non valido");
        }

        return await received.GetAsync(canonical.Value, cancellationToken) is { } ticket ? TypedResults.Ok(ticket) : TypedResults.NotFound();
    }
}
