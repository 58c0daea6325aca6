using LineaHub.Hub.Storage;
using LineaHub.Hub.Tickets;
using LineaHub.Schemas.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Overflow;

/// <summary>
/// One pass of the dispatcher's own work: withdraws offers past their deadline and dispatches those tickets again,
/// offers queued tickets to offices that now have capacity, and gives back to their origin the tickets that waited
/// in the network queue longer than the maximum. Each ticket is its own unit of work; when another hub replica
/// moved it first, the version check makes this pass skip it.
/// </summary>
public sealed partial class OverflowSweep(
    HubDbContext db,
    OverflowDispatcher dispatcher,
    TicketJournal journal,
    TimeProvider clock,
    IOptions<OverflowOptions> options,
    ILogger<OverflowSweep> logger)
{
    private const int Batch = 200;

    public async Task<OverflowSweepResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expired = await db.Tickets.AsNoTracking()
            .Where(t => t.Status == TicketStates.Offered && t.OfferDeadlineAt <= now)
            .OrderBy(t => t.OfferDeadlineAt).Select(t => t.Id).Take(Batch).ToListAsync(cancellationToken);
        var queued = await db.Tickets.AsNoTracking()
            .Where(t => t.QueuedSince != null)
            .OrderBy(t => t.QueuedSince).Select(t => t.Id).Take(Batch).ToListAsync(cancellationToken);
        var result = new OverflowSweepResult();
        if (expired.Count == 0 && queued.Count == 0)
        {
            return result;
        }

        var snapshot = await dispatcher.SnapshotAsync(cancellationToken);
        foreach (var id in expired)
        {
            if (await OneAsync(id, ticket => WithdrawAsync(ticket, snapshot, now, cancellationToken), cancellationToken))
            {
                result.Withdrawn++;
            }
        }

        foreach (var id in queued)
        {
            var outcome = QueuedOutcome.None;
            if (await OneAsync(id, async ticket => (outcome = await DequeueAsync(ticket, snapshot, now, cancellationToken)) != QueuedOutcome.None, cancellationToken))
            {
                result.Offered += outcome == QueuedOutcome.Offered ? 1 : 0;
                result.Returned += outcome == QueuedOutcome.Returned ? 1 : 0;
            }
        }

        return result;
    }

    private async Task<bool> WithdrawAsync(Ticket ticket, DispatchSnapshot snapshot, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (ticket.Status != TicketStates.Offered || ticket.OfferDeadlineAt > now)
        {
            return false;
        }

        journal.Record(ticket, null, TicketActors.Dispatcher, TicketActions.Withdraw, TicketStates.Declined, "Nessuna risposta entro il termine.");
        await dispatcher.EndOfferAsync(ticket, OfferOutcomes.Withdrawn, cancellationToken);
        await dispatcher.OfferAsync(ticket, snapshot, null, TicketActors.Dispatcher, null, cancellationToken);
        return true;
    }

    private async Task<QueuedOutcome> DequeueAsync(Ticket ticket, DispatchSnapshot snapshot, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (ticket.QueuedSince is not { } since || ticket.Status is not (TicketStates.Open or TicketStates.Declined))
        {
            return QueuedOutcome.None;
        }

        if (now - since >= TimeSpan.FromSeconds(options.Value.MaxQueueWaitSeconds))
        {
            journal.Record(ticket, null, TicketActors.Dispatcher, TicketActions.Return, TicketStates.Open,
                "Nessun ufficio disponibile entro l'attesa massima: il ticket torna all'ufficio di origine.", t => t.QueuedSince = null);
            return QueuedOutcome.Returned;
        }

        return await dispatcher.OfferAsync(ticket, snapshot, null, TicketActors.Dispatcher, null, cancellationToken) is null
            ? QueuedOutcome.None
            : QueuedOutcome.Offered;
    }

    private async Task<bool> OneAsync(long ticketId, Func<Ticket, Task<bool>> act, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var ticket = await db.Tickets.Include(t => t.History).SingleOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket is null || !await act(ticket))
        {
            return false;
        }

        await journal.PublishAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException conflict) when (conflict is DbUpdateConcurrencyException || MoveTicket.IsOnePendingOfferViolation(conflict))
        {
            LogRaced(logger, ticket.Code);
            db.ChangeTracker.Clear();
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ticket {Code} was moved by someone else during the sweep; skipped")]
    private static partial void LogRaced(ILogger logger, string code);

    private enum QueuedOutcome
    {
        None,
        Offered,
        Returned,
    }
}

/// <summary>What one sweep did.</summary>
public sealed class OverflowSweepResult
{
    public int Withdrawn { get; set; }

    public int Offered { get; set; }

    public int Returned { get; set; }
}
