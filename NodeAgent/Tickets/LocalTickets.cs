using System.Net.Http.Json;
using System.Text.Json;
using LineaHub.NodeAgent.Connection;
using LineaHub.NodeAgent.Join;
using LineaHub.NodeAgent.Outbox;
using LineaHub.NodeAgent.Overflow;
using LineaHub.Schemas.Anonymisation;
using LineaHub.Schemas.Handover;
using LineaHub.Schemas.Tickets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace LineaHub.NodeAgent.Tickets;

/// <summary>
/// The office's side of the ticket unico. Writes (open, move) are checked here with the rules the hub
/// applies, stored in the durable outbox and answered at once, so the citizen gets a ticket code even
/// while the hub is unreachable: the agent draws the code itself. The agent also keeps its own record of the
/// tickets it opened and received (with the citizen's contact data, which never goes to the hub in clear),
/// updated in the same transaction as the outbox. Reads of the network's tickets go to the hub live.
/// </summary>
public sealed class LocalTickets(
    OutboxStore outbox,
    OwnTicketStore own,
    ReceivedTicketStore received,
    IHttpClientFactory httpClients,
    AgentIdentityStore store,
    TimeProvider clock,
    IOptions<LocalTicketsOptions> options)
{
    public const string OpenKind = "ticket.open";
    public const string MoveKind = "ticket.event";

    /// <summary>Opens a ticket; <paramref name="contact"/>, when given, stays here and the hub only learns that there is one.</summary>
    public async Task<TicketQueued> OpenAsync(OpenTicketRequest request, CitizenContact? contact, CancellationToken cancellationToken)
    {
        // The summary is shared with every office: what an operator typed is anonymised here, before it can leave.
        var ticket = request with
        {
            Code = TicketCode.New().Value,
            Language = request.Language ?? "it",
            HasContact = contact is not null,
            Summary = Anonymised(request.Summary),
        };
        var (invalid, unknown) = TicketRules.Check(ticket, clock.GetUtcNow(), options.Value.MaxSlaDays);
        var problems = new Dictionary<string, string[]>(invalid, StringComparer.Ordinal);
        foreach (var (field, problem) in contact?.Problems() ?? new Dictionary<string, string[]>())
        {
            problems[$"contact.{field}"] = problem;
        }

        if (problems.Count > 0)
        {
            throw new TicketRequestException(problems, unknownCodes: false);
        }

        if (unknown.Count > 0)
        {
            throw new TicketRequestException(unknown, unknownCodes: true);
        }

        var message = await outbox.WriteAsync(
            async transaction =>
            {
                await own.AddAsync(transaction, ticket.Code!, ticket.Category!, contact, cancellationToken);
                return await outbox.EnqueueAsync(transaction, OpenKind, HttpMethod.Post, "api/v1/tickets",
                    JsonSerializer.Serialize(ticket, JsonSerializerOptions.Web), cancellationToken: cancellationToken);
            },
            cancellationToken);
        return new TicketQueued(ticket.Code!, "open", message.Id);
    }

    /// <summary>
    /// Queues a status change; the agent's own record of the ticket (opened or received here) follows at once,
    /// so an offer counts against the cap and a decline drops the sealed contact data without waiting for the hub.
    /// </summary>
    public async Task<TicketQueued> MoveAsync(string code, TicketEventRequest request, CancellationToken cancellationToken)
    {
        var parsed = TicketCode.Parse(code);
        request = request with { Reason = Anonymised(request.Reason) };
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
        var message = await outbox.WriteAsync(transaction => MoveAsync(transaction, canonical, request, cancellationToken), cancellationToken);
        return new TicketQueued(canonical, request.Action!, message.Id);
    }

    /// <summary>
    /// The agent itself moves a ticket (policy offer, automatic answer) inside the caller's transaction: its
    /// local record follows and the change is queued for the hub. <paramref name="code"/> is canonical.
    /// </summary>
    public async Task<OutboxMessage> MoveAsync(SqliteTransaction transaction, string code, TicketEventRequest request, CancellationToken cancellationToken)
    {
        if (!await own.RecordActionAsync(transaction, code, request.Action!, cancellationToken))
        {
            await received.RecordActionAsync(transaction, code, request.Action!, cancellationToken);
        }

        return await outbox.EnqueueAsync(transaction, MoveKind, HttpMethod.Post, $"api/v1/tickets/{code}/events",
            JsonSerializer.Serialize(request, JsonSerializerOptions.Web), cancellationToken: cancellationToken);
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

    private static string? Anonymised(string? text) => text is null ? null : TextAnonymiser.Anonymise(text).Text;
}
