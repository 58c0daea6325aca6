namespace LineaHub.NodeAgent.Overflow;

/// <summary>One poll of the inbox: when, whether the hub answered, how many new messages it brought.</summary>
/// <param name="Error">Why the poll failed (hub unreachable, refused), never anything from a message.</param>
public sealed record InboxPoll(DateTimeOffset At, bool Succeeded, int Handled, string? Error);
