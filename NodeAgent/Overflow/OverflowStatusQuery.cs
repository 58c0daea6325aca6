using LineaHub.NodeAgent.Capacity;
using LineaHub.NodeAgent.Storage;
using LineaHub.Schemas.Tickets;

namespace LineaHub.NodeAgent.Overflow;

/// <summary>Puts together the <see cref="OverflowStatus"/> from one snapshot of the agent's database.</summary>
public sealed class OverflowStatusQuery(
    AgentDatabase database,
    OwnTicketStore own,
    ReceivedTicketStore received,
    InboxLog log,
    OverflowPolicy policy,
    CapacityState capacity,
    InboxState inbox)
{
    private const int RecentMessages = 10;

    public Task<OverflowStatus> GetAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(
            async transaction =>
            {
                var figures = capacity.Current;
                var settings = policy.Options;
                var recent = await own.ListOfferTimesAsync(transaction, policy.CapWindowStart, cancellationToken);
                var pending = await received.ListAsync(transaction, TicketStates.Offered, ReceivedTickets.MaxListed, cancellationToken);
                var inExchange = await own.ListInExchangeAsync(transaction, cancellationToken);
                return new OverflowStatus(
                    new OverflowPolicySettings(
                        settings.AutoOffer, settings.ThresholdSeconds, [.. settings.OptOutCategories], settings.MaxOffersPerMinute, settings.AutoAccept),
                    figures,
                    OverflowPolicy.ExpectedWaitSeconds(figures),
                    policy.IsOverThreshold(figures),
                    recent.Count,
                    policy.OffersLeft(recent),
                    pending,
                    [.. inExchange.Where(t => t.Status == TicketStates.Offered)],
                    [.. inExchange.Where(t => t.Status != TicketStates.Offered)],
                    await log.ListRecentAsync(transaction, RecentMessages, cancellationToken),
                    inbox.Last);
            },
            cancellationToken);
}
