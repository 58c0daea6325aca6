namespace LineaHub.Hub.Overflow;

/// <summary>A message waiting for one office's agent to fetch and acknowledge (storage entity).</summary>
public sealed class InboxEntry
{
    public long Id { get; set; }

    public Guid NodeId { get; set; }

    public required string Kind { get; set; }

    public required string TicketCode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// When a read first returned it. An acknowledgement forgets only delivered messages: on PostgreSQL ids come from
    /// a sequence, so a message with a lower id may commit after a higher one was read and acknowledged.
    /// </summary>
    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>The <see cref="Schemas.Overflow.InboxMessage"/> as JSON, without its id.</summary>
    public required string Payload { get; set; }
}
