using LineaHub.Hub.Nodes;
using LineaHub.Hub.Overflow;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Tickets;

/// <summary>Builds what offices see of a ticket, with the names of the offices involved.</summary>
public sealed class TicketViews(HubDbContext db, NodeNames nodeNames, TimeProvider clock, IOptions<OverflowOptions> overflow)
{
    public async Task<TicketView> ToViewAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        var ids = ticket.History.Where(e => e.ActorNodeId is not null).Select(e => e.ActorNodeId!.Value)
            .Append(ticket.OriginNodeId).Append(ticket.HolderNodeId)
            .Concat(ticket.OfferedToNodeId is { } offeredTo ? [offeredTo] : []).Distinct().ToList();
        var names = await nodeNames.GetAsync(db, ids, cancellationToken);
        TicketParty Party(Guid id) => new(id, names.GetValueOrDefault(id, "?"));

        var paused = ticket.SlaPausedAt is { } since ? clock.GetUtcNow() - since : TimeSpan.Zero;
        return new TicketView(
            ticket.Code,
            ticket.Status,
            Party(ticket.OriginNodeId),
            Party(ticket.HolderNodeId),
            ticket.Category,
            ticket.Channel,
            ticket.RequestType,
            ticket.Language,
            ticket.Summary,
            ticket.TaxonomyVersion,
            ticket.OpenedAt,
            ticket.SlaDueAt + paused,
            ticket.SlaPausedAt is not null,
            ticket.HasContact,
            Overflow(ticket, Party),
            ticket.Version,
            [.. InOrder(ticket.History).Select(e => new TicketHistoryEntry(
                e.At,
                e.ActorNodeId is { } actor ? Party(actor) : null,
                e.Role,
                e.Action,
                e.FromState,
                e.ToState,
                e.Reason))]);
    }

    /// <summary>Saved entries by id, then entries not saved yet in the order they were added.</summary>
    private static IEnumerable<TicketEvent> InOrder(List<TicketEvent> history) =>
        history.Select((entry, index) => (entry, index)).OrderBy(e => e.entry.Id == 0).ThenBy(e => e.entry.Id).ThenBy(e => e.index).Select(e => e.entry);

    private TicketOverflow? Overflow(Ticket ticket, Func<Guid, TicketParty> party)
    {
        if (ticket.OffersMade == 0 && ticket.QueuedSince is null)
        {
            return null;
        }

        return new TicketOverflow(
            ticket.OfferedToNodeId is { } offeredTo ? party(offeredTo) : null,
            ticket.OfferDeadlineAt,
            ticket.QueuedSince,
            ticket.QueuedSince + TimeSpan.FromSeconds(overflow.Value.MaxQueueWaitSeconds),
            ticket.OffersMade);
    }
}
