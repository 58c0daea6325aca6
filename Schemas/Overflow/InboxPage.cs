namespace LineaHub.Schemas.Overflow;

/// <summary>Messages not yet acknowledged, oldest first; empty when the long poll timed out.</summary>
/// <param name="More">True when more messages wait beyond this page: fetch again at once.</param>
public sealed record InboxPage(IReadOnlyList<InboxMessage> Messages, bool More);
