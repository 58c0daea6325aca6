namespace LineaHub.Hub.Nodes;

/// <summary>The active node making the current request, set by <see cref="NodeCallerFilter"/>.</summary>
public sealed class NodeCaller
{
    private Node? _node;

    public Node Node
    {
        get => _node ?? throw new InvalidOperationException("NodeCaller is only set on endpoints behind NodeCallerFilter.");
        set => _node = value;
    }
}
