namespace LineaHub.NodeAgent.Faq;

/// <summary>Feedback stored in the outbox; it reaches the hub when the hub is reachable, counted once by its id.</summary>
public sealed record FaqFeedbackQueued(Guid FeedbackId, long OutboxId);
