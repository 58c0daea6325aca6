namespace LineaHub.Hub.Tickets;

/// <summary>One entry of a ticket's append-only history.</summary>
public sealed class TicketEvent
{
    public long Id { get; set; }

    public long TicketId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Null when the hub's dispatcher acted.</summary>
    public Guid? ActorNodeId { get; set; }

    public required string Role { get; set; }

    public required string Action { get; set; }

    public required string FromState { get; set; }

    public required string ToState { get; set; }

    public string? Reason { get; set; }
}
