using LineaHub.Hub.Errors;
using LineaHub.Hub.Nodes;
using LineaHub.Hub.Overflow;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Tickets;
using Microsoft.EntityFrameworkCore;

namespace LineaHub.Hub.Tickets;

/// <summary>
/// An office moves a ticket: the state machine decides whether its roles allow the action, the version
/// guards against acting on what someone else already changed, and every move is appended to the history.
/// </summary>
public sealed partial class MoveTicket(
    HubDbContext db,
    TicketViews views,
    TicketJournal journal,
    OverflowDispatcher dispatcher,
    ILogger<MoveTicket> logger)
{
    public async Task<TicketView> ApplyAsync(Node node, string code, TicketEventRequest request, int? ifMatch, CancellationToken cancellationToken)
    {
        var canonical = TicketCodes.Require(code);
        var errors = new ValidationErrors();
        foreach (var (field, reasons) in TicketRules.Check(request))
        {
            foreach (var reason in reasons)
            {
                errors.Add(field, reason);
            }
        }

        if (ifMatch is not null && request.ExpectedVersion is not null && ifMatch != request.ExpectedVersion)
        {
            errors.Add("expectedVersion", "Diversa dalla versione in If-Match.");
        }

        errors.ThrowIfInvalid();

        var ticket = await CompiledTicketQueries.WithHistoryAsync(db, canonical, cancellationToken)
            ?? throw new NotFoundException($"Nessun ticket con codice {canonical}.");
        var roles = RolesOf(node, ticket);
        if (roles.Count == 0)
        {
            throw new ForbiddenException("Solo l'ufficio che ha aperto il ticket, quello che lo ha in carico o quello a cui è offerto può modificarlo.");
        }

        var action = request.Action!;
        if (action == TicketActions.Offer && !roles.Contains(TicketActors.Holder))
        {
            throw new ForbiddenException("Solo l'ufficio che ha il ticket in carico può offrirlo alla rete.");
        }

        var expected = ifMatch ?? request.ExpectedVersion;
        if (expected is not null && expected != ticket.Version)
        {
            throw new PreconditionFailedException($"Il ticket è stato modificato nel frattempo (versione attuale {ticket.Version}): rileggerlo e riprovare.", ticket.Version);
        }

        var from = ticket.Status;
        var result = TicketStateMachine.Apply(from, action, roles);
        if (!result.Moved)
        {
            throw new TransitionRefusedException(
                $"L'azione '{action}' non è consentita su un ticket '{from}' a questo ufficio.", from, result.AllowedActions);
        }

        await MoveAsync(ticket, node, roles, action, result.State, request.Reason, cancellationToken);
        var published = await journal.PublishAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException conflict) when (conflict is DbUpdateConcurrencyException || IsOnePendingOfferViolation(conflict))
        {
            throw new ConflictException("Il ticket è stato modificato da un altro ufficio nello stesso momento: rileggerlo e riprovare.", transient: true);
        }

        LogMoved(logger, ticket.Code, from, ticket.Status, node.Id);
        return published.TryGetValue(ticket.Code, out var view) ? view : await views.ToViewAsync(ticket, cancellationToken);
    }

    private async Task MoveAsync(Ticket ticket, Node node, HashSet<string> roles, string action, string to, string? reason, CancellationToken cancellationToken)
    {
        var role = RoleFor(action, roles);
        switch (action)
        {
            case TicketActions.Offer:
                await dispatcher.OfferAsync(ticket, await dispatcher.CurrentSnapshotAsync(cancellationToken), node.Id, role, reason, cancellationToken);
                return;
            case TicketActions.Accept when role == TicketActors.Receiver:
                await dispatcher.EndOfferAsync(ticket, OfferOutcomes.Accepted, cancellationToken);
                journal.Record(ticket, node.Id, role, action, to, reason, t => t.HolderNodeId = node.Id);
                return;
            case TicketActions.Decline:
                journal.Record(ticket, node.Id, role, action, to, reason);
                await dispatcher.EndOfferAsync(ticket, OfferOutcomes.Declined, cancellationToken);

                // Declined goes straight back to dispatch: the next office, or the network queue.
                await dispatcher.OfferAsync(ticket, await dispatcher.CurrentSnapshotAsync(cancellationToken), null, TicketActors.Dispatcher, null, cancellationToken);
                return;
            case TicketActions.Cancel or TicketActions.Close:
                journal.Record(ticket, node.Id, role, action, to, reason, t => t.QueuedSince = null);
                if (ticket.OfferedToNodeId is not null)
                {
                    await dispatcher.EndOfferAsync(ticket, OfferOutcomes.Cancelled, cancellationToken);
                }

                await dispatcher.ForgetContactAsync(ticket, cancellationToken);
                return;
            default:
                // Taking the ticket back (accept while open, return after a decline) takes it out of the network queue.
                journal.Record(ticket, node.Id, role, action, to, reason, t => t.QueuedSince = null);
                ApplySlaClock(ticket, ticket.History[^1].FromState, to, ticket.UpdatedAt);
                return;
        }
    }

    /// <summary>The database refused a second pending offer for one ticket: another dispatcher got there first.</summary>
    internal static bool IsOnePendingOfferViolation(DbUpdateException exception) =>
        exception.InnerException?.Message.Contains("ux_overflow_offers_one_pending_per_ticket", StringComparison.Ordinal) == true
        || exception.InnerException?.Message.Contains("overflow_offers.ticket_id", StringComparison.Ordinal) == true;

    private static HashSet<string> RolesOf(Node node, Ticket ticket)
    {
        var roles = new HashSet<string>(StringComparer.Ordinal);
        if (ticket.OriginNodeId == node.Id)
        {
            roles.Add(TicketActors.Origin);
        }

        if (ticket.HolderNodeId == node.Id)
        {
            roles.Add(TicketActors.Holder);
        }

        if (ticket.OfferedToNodeId == node.Id)
        {
            roles.Add(TicketActors.Receiver);
        }

        return roles;
    }

    /// <summary>The role the history records: the one the state machine required for this action.</summary>
    private static string RoleFor(string action, HashSet<string> roles) =>
        TicketStateMachine.Transitions.Where(t => t.Action == action).SelectMany(t => t.Actors).FirstOrDefault(roles.Contains)
        ?? roles.First();

    /// <summary>Pending stops the SLA clock: the time spent waiting for the citizen moves the due time.</summary>
    private static void ApplySlaClock(Ticket ticket, string from, string to, DateTimeOffset now)
    {
        if (TicketStateMachine.StopsSlaClock(from) && !TicketStateMachine.StopsSlaClock(to) && ticket.SlaPausedAt is { } since)
        {
            ticket.SlaDueAt += now - since;
            ticket.SlaPausedAt = null;
        }
        else if (!TicketStateMachine.StopsSlaClock(from) && TicketStateMachine.StopsSlaClock(to))
        {
            ticket.SlaPausedAt = now;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {Code} moved {From} -> {To} by node {NodeId}")]
    private static partial void LogMoved(ILogger logger, string code, string from, string to, Guid nodeId);
}
