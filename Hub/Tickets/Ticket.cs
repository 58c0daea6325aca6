namespace LineaHub.Hub.Tickets;

/// <summary>A ticket unico (storage entity). The public identity is <see cref="Code"/>; <see cref="Id"/> orders and pages.</summary>
public sealed class Ticket
{
    public long Id { get; set; }

    public required string Code { get; set; }

    public Guid OriginNodeId { get; set; }

    public Guid HolderNodeId { get; set; }

    /// <summary>The node an open offer is addressed to.</summary>
    public Guid? OfferedToNodeId { get; set; }

    /// <summary>When the open offer is withdrawn if unanswered.</summary>
    public DateTimeOffset? OfferDeadlineAt { get; set; }

    /// <summary>Set while the ticket waits in the network queue for an office with capacity.</summary>
    public DateTimeOffset? QueuedSince { get; set; }

    /// <summary>Offers made so far for this ticket.</summary>
    public int OffersMade { get; set; }

    /// <summary>The origin keeps contact data for a call-back, sealed for the receiver on handover.</summary>
    public bool HasContact { get; set; }

    public required string Category { get; set; }

    public required string Channel { get; set; }

    public required string RequestType { get; set; }

    public required string Language { get; set; }

    public required string Summary { get; set; }

    public required string TaxonomyVersion { get; set; }

    public required string Status { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset SlaDueAt { get; set; }

    /// <summary>Set while pending: the SLA clock is stopped since then.</summary>
    public DateTimeOffset? SlaPausedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Concurrency token: every change increments it.</summary>
    public int Version { get; set; }

    public List<TicketEvent> History { get; set; } = [];
}
