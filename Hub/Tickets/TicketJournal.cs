using System.Text.Json;
using LineaHub.Hub.Overflow;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Auth;
using LineaHub.Schemas.Overflow;
using LineaHub.Schemas.Tickets;
using Microsoft.EntityFrameworkCore;

namespace LineaHub.Hub.Tickets;

/// <summary>
/// Every move of a ticket, by an office or by the dispatcher, goes through here: it is appended to the history,
/// the version goes up, and — in the same unit of work — each office concerned gets a message in its inbox:
/// the origin sees every change of its ticket, the receiver gets its offer, and the origin is asked to seal the
/// citizen's contact data for a new receiver.
/// </summary>
public sealed class TicketJournal(HubDbContext db, Inbox inbox, TicketViews views, TimeProvider clock)
{
    private readonly List<Recorded> recorded = [];

    /// <summary>
    /// Moves <paramref name="ticket"/> to <paramref name="to"/>; <paramref name="change"/> sets whatever else moves
    /// with it (holder, offer). The offices concerned before and after the move are told at <see cref="PublishAsync"/>.
    /// </summary>
    public TicketEvent Record(Ticket ticket, Guid? actorNodeId, string role, string action, string to, string? reason, Action<Ticket>? change = null)
    {
        var parties = Parties(ticket);
        var now = clock.GetUtcNow();
        var entry = new TicketEvent
        {
            At = now,
            ActorNodeId = actorNodeId,
            Role = role,
            Action = action,
            FromState = ticket.Status,
            ToState = to,
            Reason = reason,
        };
        change?.Invoke(ticket);
        ticket.Status = to;
        ticket.UpdatedAt = now;
        ticket.Version++;
        ticket.History.Add(entry);
        parties.UnionWith(Parties(ticket));
        recorded.Add(new Recorded(ticket, entry, parties, ticket.OfferedToNodeId));
        return entry;
    }

    /// <summary>A change that is not a move (the ticket joins the network queue): the version still goes up.</summary>
    public void Touch(Ticket ticket)
    {
        ticket.UpdatedAt = clock.GetUtcNow();
        ticket.Version++;
    }

    /// <summary>
    /// Adds the inbox messages for everything recorded since the last call; the caller then saves. Returns the views
    /// of the tickets moved, by code, as they are after all the recorded moves.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, TicketView>> PublishAsync(CancellationToken cancellationToken)
    {
        if (recorded.Count == 0)
        {
            return new Dictionary<string, TicketView>();
        }

        var built = new Dictionary<Ticket, TicketView>();
        var receiverIds = recorded.Where(r => r.Event.Action == TicketActions.Offer && r.Ticket.HasContact).Select(r => r.OfferedTo!.Value).ToList();
        var receivers = receiverIds.Count == 0
            ? []
            : await db.Nodes.AsNoTracking().Where(n => receiverIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, cancellationToken);
        foreach (var (ticket, entry, parties, offeredTo) in recorded)
        {
            if (!built.TryGetValue(ticket, out var view))
            {
                view = await views.ToViewAsync(ticket, cancellationToken);
                built[ticket] = view;
            }

            var change = view.History.Last(h => h.At == entry.At && h.Action == entry.Action && h.To == entry.ToState);
            foreach (var party in parties.Where(p => p != entry.ActorNodeId))
            {
                var isOffer = entry.Action == TicketActions.Offer && party == offeredTo;
                inbox.Post(party, isOffer
                    ? new InboxMessage(0, InboxKinds.Offer, ticket.Code, entry.At, Ticket: view, DeadlineAt: ticket.OfferDeadlineAt, Change: change)
                    : new InboxMessage(0, InboxKinds.Status, ticket.Code, entry.At, Ticket: view, Change: change));
            }

            if (entry.Action == TicketActions.Offer && ticket.HasContact && receivers.TryGetValue(offeredTo!.Value, out var receiver)
                && receiver.EncryptionKey is not null)
            {
                inbox.Post(ticket.OriginNodeId, new InboxMessage(
                    0,
                    InboxKinds.SealContact,
                    ticket.Code,
                    entry.At,
                    Receiver: new TicketParty(receiver.Id, receiver.Name),
                    ReceiverKey: JsonSerializer.Deserialize<PublicJwk>(receiver.EncryptionKey, JsonSerializerOptions.Web)));
            }
        }

        recorded.Clear();
        return built.ToDictionary(b => b.Key.Code, b => b.Value);
    }

    private static HashSet<Guid> Parties(Ticket ticket)
    {
        HashSet<Guid> parties = [ticket.OriginNodeId, ticket.HolderNodeId];
        if (ticket.OfferedToNodeId is { } offeredTo)
        {
            parties.Add(offeredTo);
        }

        return parties;
    }

    private sealed record Recorded(Ticket Ticket, TicketEvent Event, HashSet<Guid> Parties, Guid? OfferedTo);
}
