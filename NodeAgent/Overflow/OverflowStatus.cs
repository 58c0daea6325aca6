using LineaHub.Schemas.Capacity;

namespace LineaHub.NodeAgent.Overflow;

/// <summary>Where the office stands in the overflow exchange: its policy, its wait now, what is in flight.</summary>
/// <param name="Capacity">The figures the policy reads (the ones the office last set).</param>
/// <param name="ExpectedWaitSeconds">(queue + 1) × average handling ÷ operators online.</param>
/// <param name="OffersLastMinute">Tickets this office offered in the last rolling minute, by policy and by hand.</param>
/// <param name="PendingOffers">Offers from other offices waiting for an answer here.</param>
/// <param name="OwnOffered">This office's tickets offered to a peer now.</param>
/// <param name="OwnQueued">This office's tickets waiting in the network queue for an office with capacity.</param>
/// <param name="RecentMessages">The latest inbox messages handled, newest first.</param>
public sealed record OverflowStatus(
    OverflowPolicySettings Policy,
    CapacityReport Capacity,
    double ExpectedWaitSeconds,
    bool OverThreshold,
    int OffersLastMinute,
    int OffersLeftThisMinute,
    IReadOnlyList<ReceivedTicket> PendingOffers,
    IReadOnlyList<OwnTicket> OwnOffered,
    IReadOnlyList<OwnTicket> OwnQueued,
    IReadOnlyList<InboxLogEntry> RecentMessages,
    InboxPoll? LastInboxPoll);
