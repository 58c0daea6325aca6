namespace LineaHub.Hub.Overflow;

/// <summary>
/// A citizen's contact data for a call-back, as the hub keeps it: only a JWE sealed by the origin for one
/// receiving office. Deleted when the ticket closes, is cancelled or leaves that office.
/// </summary>
public sealed class TicketContact
{
    /// <summary>Contact data is a few hundred bytes; an envelope this large is not one.</summary>
    public const int MaxEnvelopeLength = 16 * 1024;

    public long TicketId { get; set; }

    public Guid ForNodeId { get; set; }

    public required string Envelope { get; set; }

    public DateTimeOffset StoredAt { get; set; }
}
