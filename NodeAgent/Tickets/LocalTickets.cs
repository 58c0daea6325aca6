using System.Net.Http.Json;
using System.Text.Json;
using LineaHub.NodeAgent.Connection;
using LineaHub.NodeAgent.Join;
using LineaHub.NodeAgent.Outbox;
using LineaHub.Schemas.Tickets;
using Microsoft.Extensions.Options;

namespace LineaHub.NodeAgent.Tickets;

/// <summary>
/// The office's side of the ticket unico. Writes (open, move) are checked here with the rules the hub
/// applies, stored in the durable outbox and answered at once, so the citizen gets a ticket code even
/// while the hub is unreachable: the agent draws the code itself. Reads go to the hub live.
/// </summary>
public sealed class LocalTickets(
    OutboxStore outbox,
    IHttpClientFactory httpClients,
    AgentIdentityStore store,
    TimeProvider clock,
    IOptions<LocalTicketsOptions> options)
{
    public const string OpenKind = "ticket.open";
    public const string MoveKind = "ticket.event";

    public async Task<TicketQueued> OpenAsync(OpenTicketRequest request, CancellationToken cancellationToken)
    {
        var ticket = request with { Code = TicketCode.New().Value, Language = request.Language ?? "it" };
        var (invalid, unknown) = TicketRules.Check(ticket, clock.GetUtcNow(), options.Value.MaxSlaDays);
        if (invalid.Count > 0)
        {
            throw new TicketRequestException(invalid, unknownCodes: false);
        }

        if (unknown.Count > 0)
        {
            throw new TicketRequestException(unknown, unknownCodes: true);
        }

        var message = await outbox.EnqueueAsync(OpenKind, HttpMethod.Post, "api/v1/tickets",
            JsonSerializer.Serialize(ticket, JsonSerializerOptions.Web), cancellationToken: cancellationToken);
        return new TicketQueued(ticket.Code!, "open", message.Id);
    }

    public async Task<TicketQueued> MoveAsync(string code, TicketEventRequest request, CancellationToken cancellationToken)
    {
        var parsed = TicketCode.Parse(code);
        var errors = new Dictionary<string, string[]>(TicketRules.Check(request), StringComparer.Ordinal);
        if (parsed.Status != TicketCodeParseStatus.Valid)
        {
            errors["code"] = [parsed.Reason ?? "Codice di ticket non valido."];
        }

        if (errors.Count > 0)
        {
            throw new TicketRequestException(errors, unknownCodes: false);
        }

        var canonical = parsed.Code!.Value;
        var message = await outbox.EnqueueAsync(MoveKind, HttpMethod.Post, $"api/v1/tickets/{canonical}/events",
            JsonSerializer.Serialize(request, JsonSerializerOptions.Web), cancellationToken: cancellationToken);
        return new TicketQueued(canonical, request.Action!, message.Id);
    }

    /// <summary>The ticket as the hub has it now (any office's ticket, by its exact code).</summary>
    public async Task<TicketView> GetAsync(string code, CancellationToken cancellationToken)
    {
        var identity = await store.LoadIdentityAsync(cancellationToken);
        using var response = await httpClients.CreateClient(HubClient.Name)
            .GetAsync(new Uri(identity.HubUrl, $"api/v1/tickets/{Uri.EscapeDataString(code)}"), cancellationToken);
        return await ReadAsync<TicketView>(response, cancellationToken);
    }

    /// <summary>Tickets this office opened or holds, newest first.</summary>
    public async Task<TicketPage> ListAsync(string? status, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var identity = await store.LoadIdentityAsync(cancellationToken);
        var query = string.Join('&', new[]
        {
            status is null ? null : $"status={Uri.EscapeDataString(status)}",
            limit is null ? null : $"limit={limit}",
            cursor is null ? null : $"cursor={Uri.EscapeDataString(cursor)}",
        }.Where(part => part is not null));
        using var response = await httpClients.CreateClient(HubClient.Name)
            .GetAsync(new Uri(identity.HubUrl, "api/v1/tickets" + (query.Length > 0 ? "?" + query : "")), cancellationToken);
        return await ReadAsync<TicketPage>(response, cancellationToken);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await HubProblemException.FromResponseAsync(response, cancellationToken);
        }

        return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
            ?? throw new InvalidDataException("The hub answered with an empty body.");
    }
}
