using LineaHub.Hub.Capacity;
using LineaHub.Hub.Storage;
using LineaHub.Hub.Tickets;
using LineaHub.Schemas.Nodes;
using LineaHub.Schemas.Overflow;
using LineaHub.Schemas.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Overflow;

/// <summary>
/// Hands tickets to offices with spare capacity: reads the network, asks <see cref="DispatchPolicy"/> for the
/// receiver and records the offer, or puts the ticket in the network queue when no office can take it. Changes go
/// into the caller's unit of work; the ticket's version (a concurrency token) and the one-pending-offer index make
/// sure that of two dispatchers racing for one ticket only one commits.
/// </summary>
public sealed partial class OverflowDispatcher(
    HubDbContext db,
    TicketJournal journal,
    DispatchSnapshots snapshots,
    TimeProvider clock,
    IOptions<OverflowOptions> options,
    ILogger<OverflowDispatcher> logger)
{
    private readonly DispatchPolicy policy = new(
        clock,
        TimeSpan.FromSeconds(options.Value.FreshWithinSeconds),
        TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone));

    /// <summary>The network as recently read (see <see cref="DispatchSnapshots"/>), for offers made on request.</summary>
    public Task<DispatchSnapshot> CurrentSnapshotAsync(CancellationToken cancellationToken) => snapshots.GetAsync(SnapshotAsync, cancellationToken);

    /// <summary>Reads every active node with its latest capacity report and its overflow in flight and received recently.</summary>
    public async Task<DispatchSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var recentSince = clock.GetUtcNow() - TimeSpan.FromSeconds(options.Value.RecentWindowSeconds);
        var nodes = await db.Nodes.AsNoTracking()
            .Where(n => n.Status == NodeStates.Active)
            .Join(db.NodeCapacities.AsNoTracking(), n => n.Id, c => c.NodeId, (n, c) => new { Node = n, Capacity = c })
            .ToListAsync(cancellationToken);
        var inFlight = await CountOffersAsync(db.OverflowOffers.Where(o => o.Outcome == OfferOutcomes.Pending), cancellationToken);
        var received = await CountOffersAsync(
            db.OverflowOffers.Where(o => o.Outcome == OfferOutcomes.Accepted && o.EndedAt >= recentSince), cancellationToken);
        var regions = await db.Nodes.AsNoTracking().Select(n => new { n.Id, n.RegionCode }).ToDictionaryAsync(n => n.Id, n => n.RegionCode, cancellationToken);
        return new DispatchSnapshot(
            [.. nodes.Select(x => ToCandidate(x.Node, x.Capacity, inFlight.GetValueOrDefault(x.Node.Id), received.GetValueOrDefault(x.Node.Id)))],
            regions);
    }

    /// <summary>
    /// Offers <paramref name="ticket"/> (open or declined, held by its origin) to the best office, or queues it.
    /// Returns the receiver, or null when the ticket went to (or stayed in) the network queue.
    /// </summary>
    public async Task<Guid?> OfferAsync(
        Ticket ticket, DispatchSnapshot snapshot, Guid? actorNodeId, string role, string? reason, CancellationToken cancellationToken)
    {
        // Tracked, so that an offer declined or withdrawn in this same unit of work (not saved yet) counts. A ticket
        // never offered before has no one to leave out.
        var offers = ticket.OffersMade == 0 ? [] : await db.OverflowOffers.Where(o => o.TicketId == ticket.Id).ToListAsync(cancellationToken);
        var declined = offers.Where(o => o.Outcome is OfferOutcomes.Declined or OfferOutcomes.Withdrawn).Select(o => o.NodeId);
        var request = new DispatchRequest(
            ticket.OriginNodeId,
            snapshot.Regions.GetValueOrDefault(ticket.OriginNodeId, ""),
            ticket.Category,
            ticket.Language,
            declined.ToHashSet());
        var decision = policy.Choose(request, snapshot.Candidates);
        if (decision.Receiver is not { } receiver)
        {
            if (ticket.QueuedSince is null)
            {
                ticket.QueuedSince = clock.GetUtcNow();
                journal.Touch(ticket);
                LogQueued(logger, ticket.Code);
            }

            return null;
        }

        var now = clock.GetUtcNow();
        var deadline = now + TimeSpan.FromSeconds(options.Value.OfferTimeoutSeconds);
        journal.Record(ticket, actorNodeId, role, TicketActions.Offer, TicketStates.Offered, reason, t =>
        {
            t.OfferedToNodeId = receiver.NodeId;
            t.OfferDeadlineAt = deadline;
            t.QueuedSince = null;
            t.OffersMade++;
        });
        db.OverflowOffers.Add(new OverflowOffer
        {
            TicketId = ticket.Id,
            NodeId = receiver.NodeId,
            OfferedAt = now,
            DeadlineAt = deadline,
            Outcome = OfferOutcomes.Pending,
        });
        snapshot.CountOffer(receiver.NodeId);
        LogOffered(logger, ticket.Code, receiver.NodeId, decision.ExpectedDelay!.Value.TotalSeconds, decision.EligibleCount);
        return receiver.NodeId;
    }

    /// <summary>
    /// Ends the ticket's pending offer with <paramref name="outcome"/>. Unless the receiver accepted, the contact
    /// data sealed for it is deleted: it can only be opened by that office, which no longer has the ticket.
    /// </summary>
    public async Task EndOfferAsync(Ticket ticket, string outcome, CancellationToken cancellationToken)
    {
        var offer = await db.OverflowOffers.SingleOrDefaultAsync(o => o.TicketId == ticket.Id && o.Outcome == OfferOutcomes.Pending, cancellationToken);
        if (offer is not null)
        {
            offer.Outcome = outcome;
            offer.EndedAt = clock.GetUtcNow();
            snapshots.OfferEnded(offer.NodeId);
        }

        ticket.OfferedToNodeId = null;
        ticket.OfferDeadlineAt = null;
        if (outcome != OfferOutcomes.Accepted)
        {
            await ForgetContactAsync(ticket, cancellationToken);
        }
    }

    /// <summary>Deletes the sealed contact data of <paramref name="ticket"/>, stored or waiting in an inbox (in the caller's unit of work).</summary>
    public async Task ForgetContactAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        var contact = await db.TicketContacts.SingleOrDefaultAsync(c => c.TicketId == ticket.Id, cancellationToken);
        if (contact is not null)
        {
            db.TicketContacts.Remove(contact);
        }

        // A copy not yet fetched from the receiver's inbox goes too, and so does a request to the origin to seal it
        // for a receiver that no longer has the ticket.
        db.InboxEntries.RemoveRange(await db.InboxEntries
            .Where(e => e.TicketCode == ticket.Code && (e.Kind == InboxKinds.Contact || e.Kind == InboxKinds.SealContact))
            .ToListAsync(cancellationToken));
    }

    private static async Task<Dictionary<Guid, int>> CountOffersAsync(IQueryable<OverflowOffer> offers, CancellationToken cancellationToken) =>
        await offers.GroupBy(o => o.NodeId).Select(g => new { NodeId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.NodeId, g => g.Count, cancellationToken);

    private static DispatchCandidate ToCandidate(Nodes.Node node, NodeCapacity capacity, int inFlight, int received) => new(
        node.Id,
        node.RegionCode,
        node.Status,
        node.Competences,
        node.Languages,
        node.OpeningHours,
        capacity.ReceivedAt,
        capacity.OperatorsOnline,
        capacity.QueueLength,
        capacity.AverageHandlingSeconds,
        capacity.AcceptingOverflow,
        capacity.OfficeOpen,
        inFlight,
        received);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {Code} offered to node {NodeId} (expected delay {DelaySeconds:F0} s, {Eligible} eligible)")]
    private static partial void LogOffered(ILogger logger, string code, Guid nodeId, double delaySeconds, int eligible);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {Code} waits in the network queue: no eligible node")]
    private static partial void LogQueued(ILogger logger, string code);
}
