using System.Text.Json;
using LineaHub.NodeAgent.Capacity;
using LineaHub.NodeAgent.Outbox;
using LineaHub.NodeAgent.Tickets;
using LineaHub.Schemas.Auth;
using LineaHub.Schemas.Handover;
using LineaHub.Schemas.Overflow;
using LineaHub.Schemas.Tickets;
using Microsoft.Data.Sqlite;

namespace LineaHub.NodeAgent.Overflow;

/// <summary>
/// Records one inbox message in the agent's database, in one transaction with whatever it causes (contact data
/// sealed for a receiver, an automatic answer to an offer) and with its row in the <see cref="InboxLog"/>.
/// Delivery is at least once: a message handled before changes nothing. A message the agent cannot use is
/// logged and passed over, so it never holds back the ones behind it.
/// </summary>
public sealed partial class InboxHandler(
    OutboxStore outbox,
    OwnTicketStore own,
    ReceivedTicketStore received,
    TicketViewRecorder recorder,
    LocalTickets tickets,
    InboxLog log,
    OverflowPolicy policy,
    CapacityState capacity,
    ILogger<InboxHandler> logger)
{
    /// <summary>Outbox kind of the upload of sealed contact data.</summary>
    public const string ContactKind = "ticket.contact";

    /// <summary>Handles <paramref name="message"/> for the node <paramref name="self"/>; false when it was handled before.</summary>
    public Task<bool> HandleAsync(Guid self, InboxMessage message, CancellationToken cancellationToken) =>
        outbox.WriteAsync(
            async transaction =>
            {
                if (await log.ContainsAsync(transaction, self, message.Id, cancellationToken))
                {
                    return false;
                }

                var outcome = TicketCode.Parse(message.TicketCode) is { Status: TicketCodeParseStatus.Valid, Code: { } code }
                    ? await HandleAsync(transaction, self, code.Value, message, cancellationToken)
                    : "ignored: malformed ticket code";
                await log.AddAsync(transaction, self, message, outcome, cancellationToken);
                LogHandled(logger, message.Id, message.Kind, message.TicketCode, outcome);
                return true;
            },
            cancellationToken);

    private Task<string> HandleAsync(SqliteTransaction transaction, Guid self, string code, InboxMessage message, CancellationToken cancellationToken) =>
        message.Kind switch
        {
            InboxKinds.Offer => OfferAsync(transaction, code, message, cancellationToken),
            InboxKinds.Status => StatusAsync(transaction, self, message, cancellationToken),
            InboxKinds.SealContact => SealContactAsync(transaction, code, message, cancellationToken),
            InboxKinds.Contact => ContactAsync(transaction, self, code, message, cancellationToken),

            // A kind added to the hub after this build: nothing to do with it, and nothing to wait for.
            _ => Task.FromResult("ignored: unknown kind"),
        };

    private async Task<string> OfferAsync(SqliteTransaction transaction, string code, InboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Ticket is not { } ticket || ticket.Code != code)
        {
            return "ignored: incomplete";
        }

        if (!await received.RecordOfferAsync(transaction, ticket, message.DeadlineAt, cancellationToken))
        {
            return "unchanged";
        }

        if (ticket.Status != TicketStates.Offered || policy.AutoAnswer(capacity.Current) is not { } answer)
        {
            return "recorded";
        }

        var reason = answer == TicketActions.Accept
            ? "Accettato automaticamente dall'agente dell'ufficio."
            : "Rifiutato automaticamente: l'ufficio non ha capacità disponibile ora.";
        await tickets.MoveAsync(transaction, code, new TicketEventRequest(answer, reason, null), cancellationToken);
        return answer == TicketActions.Accept ? "auto-accepted" : "auto-declined";
    }

    private async Task<string> StatusAsync(SqliteTransaction transaction, Guid self, InboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Ticket is not { } view)
        {
            return "ignored: incomplete";
        }

        return await recorder.ApplyAsync(transaction, view, self, cancellationToken) ? "recorded" : "unchanged";
    }

    private async Task<string> SealContactAsync(SqliteTransaction transaction, string code, InboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Receiver is not { } receiver || message.ReceiverKey is not { } key)
        {
            return "ignored: incomplete";
        }

        if (KeyProblem(key) is { } problem)
        {
            LogUnusableKey(logger, message.Id, code, receiver.NodeId, problem);
            return "ignored: unusable receiver key";
        }

        // Gone when the ticket closed or was cancelled meanwhile; never there when the office gave none.
        if (await own.FindContactAsync(transaction, code, cancellationToken) is not { } contact)
        {
            return "ignored: no contact data";
        }

        string envelope;
        try
        {
            envelope = contact.SealFor(key);
        }
        catch (ArgumentException exception)
        {
            // A point off the curve, or contact data too large for an envelope.
            LogUnusableKey(logger, message.Id, code, receiver.NodeId, exception.Message);
            return "ignored: cannot seal";
        }

        await outbox.EnqueueAsync(transaction, ContactKind, HttpMethod.Put, $"api/v1/tickets/{code}/contact",
            JsonSerializer.Serialize(new ContactUploadRequest(receiver.NodeId, envelope), JsonSerializerOptions.Web),
            cancellationToken: cancellationToken);
        return "sealed";
    }

    private async Task<string> ContactAsync(SqliteTransaction transaction, Guid self, string code, InboxMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(message.Envelope))
        {
            return "ignored: incomplete";
        }

        return await received.StoreEnvelopeAsync(transaction, code, message.Envelope, self, cancellationToken)
            ? "stored"
            : "ignored: ticket not with this office";
    }

    /// <summary>
    /// Why the hub's copy of a receiver's key must not be used, or null: it must be a public P-256 encryption key
    /// named by its own RFC 7638 thumbprint, as the receiver registered it.
    /// </summary>
    internal static string? KeyProblem(PublicJwk key)
    {
        if (key.Problem(PublicJwk.UseEncryption) is { } problem)
        {
            return problem;
        }

        if (key.Alg is not null && key.Alg != ContactEnvelope.Algorithm)
        {
            return $"L'algoritmo della chiave deve essere {ContactEnvelope.Algorithm}.";
        }

        return key.Kid == key.Thumbprint() ? null : "Il kid della chiave non è la sua impronta RFC 7638.";
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Inbox message {MessageId} ({Kind}) for ticket {TicketCode}: {Outcome}")]
    private static partial void LogHandled(ILogger logger, long messageId, string kind, string ticketCode, string outcome);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Inbox message {MessageId}: contact data for ticket {TicketCode} not sealed for node {ReceiverNodeId}: {Problem}")]
    private static partial void LogUnusableKey(ILogger logger, long messageId, string ticketCode, Guid receiverNodeId, string problem);
}
