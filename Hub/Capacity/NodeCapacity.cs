namespace LineaHub.Hub.Capacity;

/// <summary>The latest capacity report of one node: one row per node, replaced by each report.</summary>
public sealed class NodeCapacity
{
    public Guid NodeId { get; set; }

    public int OperatorsOnline { get; set; }

    public int QueueLength { get; set; }

    public int AverageHandlingSeconds { get; set; }

    public bool AcceptingOverflow { get; set; }

    public bool OfficeOpen { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
