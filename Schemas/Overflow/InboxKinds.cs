namespace LineaHub.Schemas.Overflow;

/// <summary>What an inbox message is about. The hub never calls an agent: it leaves these for the agent to fetch.</summary>
public static class InboxKinds
{
    /// <summary>A ticket is offered to this office: accept or decline it before <see cref="InboxMessage.DeadlineAt"/>.</summary>
    public const string Offer = "offer";

    /// <summary>A ticket this office opened, holds or was offered changed status (someone else acted).</summary>
    public const string Status = "status";

    /// <summary>
    /// To the origin: seal the citizen's contact data for <see cref="InboxMessage.Receiver"/> with its
    /// <see cref="InboxMessage.ReceiverKey"/>, and upload it.
    /// </summary>
    public const string SealContact = "seal-contact";

    /// <summary>To the receiver: the citizen's contact data, sealed for its encryption key (<see cref="InboxMessage.Envelope"/>).</summary>
    public const string Contact = "contact";

    /// <summary>Every kind.</summary>
    public static IReadOnlyList<string> All { get; } = [Offer, Status, SealContact, Contact];
}
