namespace LineaHub.NodeAgent.Overflow;

/// <summary>How the last poll of the inbox went, for the overflow status.</summary>
public sealed class InboxState
{
    private InboxPoll? _last;

    public InboxPoll? Last => Volatile.Read(ref _last);

    public void Record(InboxPoll poll) => Volatile.Write(ref _last, poll);
}

/// <summary>One poll of the inbox: when, whether the hub answered, how many new messages it brought.</summary>
/// <param name="Error">Why the poll failed (hub unreachable, refused), never anything from a message.</param>
public sealed record InboxPoll(DateTimeOffset At, bool Succeeded, int Handled, string? Error);
