namespace LineaHub.NodeAgent.Overflow;

/// <summary>A ticket this office opened through the agent, as last known here (never the contact data).</summary>
/// <param name="Version">The hub's version of the ticket last seen; 0 until the hub has answered.</param>
/// <param name="OfferedAt">When this office last offered it to the network, by policy or by hand.</param>
/// <param name="QueuedSince">Waiting in the network queue for an office with capacity since then.</param>
/// <param name="OfferedTo">The office it is offered to now, when the hub said so.</param>
/// <param name="HasContact">The citizen's contact data is kept here for a call-back.</param>
public sealed record OwnTicket(
    string Code,
    string Category,
    string Status,
    int Version,
    DateTimeOffset OpenedAt,
    DateTimeOffset? OfferedAt,
    DateTimeOffset? QueuedSince,
    string? OfferedTo,
    bool HasContact);
