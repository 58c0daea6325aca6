namespace LineaHub.Hub.Overflow;

/// <summary>
/// One offer of a ticket to one office, and how it ended. At most one offer per ticket is pending (a unique
/// index says so in the database), which is what keeps a ticket from being handed to two offices.
/// </summary>
public sealed class OverflowOffer
{
    public long Id { get; set; }

    public long TicketId { get; set; }

    public Guid NodeId { get; set; }

    public DateTimeOffset OfferedAt { get; set; }

    public DateTimeOffset DeadlineAt { get; set; }

    /// <summary>One of <see cref="OfferOutcomes"/>.</summary>
    public required string Outcome { get; set; }

    public DateTimeOffset? EndedAt { get; set; }
}
