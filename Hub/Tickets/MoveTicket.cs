using LineaHub.Hub.Errors;
using LineaHub.Hub.Nodes;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Tickets;
using Microsoft.EntityFrameworkCore;

namespace LineaHub.Hub.Tickets;

/// <summary>
/// An office moves a ticket: the state machine decides whether its roles allow the action, the version
/// guards against acting on what someone else already changed, and every move is appended to the history.
/// </summary>
public sealed partial class MoveTicket(HubDbContext db, TicketViews views, TimeProvider clock, ILogger<MoveTicket> logger)
{
    /// <summary>Actions that belong to the overflow exchange (dispatcher, offers), not to this endpoint.</summary>
    private static readonly HashSet<string> OverflowActions = [TicketActions.Offer, TicketActions.Decline, TicketActions.Withdraw, TicketActions.Return];

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

        var ticket = await db.Tickets.Include(t => t.History).SingleOrDefaultAsync(t => t.Code == canonical, cancellationToken)
            ?? throw new NotFoundException($"Nessun ticket con codice {canonical}.");
        var roles = RolesOf(node, ticket);
        if (roles.Count == 0)
        {
            throw new ForbiddenException("Solo l'ufficio che ha aperto il ticket, quello che lo ha in carico o quello a cui è offerto può modificarlo.");
        }

        var expected = ifMatch ?? request.ExpectedVersion;
        if (expected is not null && expected != ticket.Version)
        {
            throw new PreconditionFailedException($"Il ticket è stato modificato nel frattempo (versione attuale {ticket.Version}): rileggerlo e riprovare.", ticket.Version);
        }

        var action = request.Action!;
        var result = TicketStateMachine.Apply(ticket.Status, action, roles);
        if (!result.Moved)
        {
            throw new TransitionRefusedException(
                $"L'azione '{action}' non è consentita su un ticket '{ticket.Status}' a questo ufficio.",
                ticket.Status,
                [.. result.AllowedActions.Where(a => !OverflowActions.Contains(a))]);
        }

        if (OverflowActions.Contains(action))
        {
            throw new TransitionRefusedException(
                $"L'azione '{action}' passa dallo scambio di overflow, non ancora disponibile in questa versione dell'hub.", ticket.Status, []);
        }

        var now = clock.GetUtcNow();
        var from = ticket.Status;
        ApplySlaClock(ticket, from, result.State, now);
        if (action == TicketActions.Accept && roles.Contains(TicketActors.Receiver))
        {
            ticket.HolderNodeId = node.Id;
            ticket.OfferedToNodeId = null;
        }

        ticket.Status = result.State;
        ticket.UpdatedAt = now;
        ticket.Version++;
        ticket.History.Add(new TicketEvent
        {
            At = now,
            ActorNodeId = node.Id,
            Role = RoleFor(action, roles),
            Action = action,
            FromState = from,
            ToState = result.State,
            Reason = request.Reason,
        });

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Il ticket è stato modificato da un altro ufficio nello stesso momento: rileggerlo e riprovare.", transient: true);
        }

        LogMoved(logger, ticket.Code, from, ticket.Status, node.Id);
        return await views.ToViewAsync(ticket, cancellationToken);
    }

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
