namespace LineaHub.NodeAgent.Tickets;

/// <summary>A ticket write the agent has stored and will deliver to the hub; the code is final already.</summary>
/// <param name="OutboxId">The outbox message carrying it.</param>
public sealed record TicketQueued(string Code, string Action, long OutboxId);
