namespace LineaHub.NodeAgent.Overflow;

/// <summary>How the last poll of the inbox went, for the overflow status.</summary>
public sealed class InboxState
{
    private InboxPoll? _last;

    public InboxPoll? Last => Volatile.Read(ref _last);

    public void Record(InboxPoll poll) => Volatile.Write(ref _last, poll);
}
