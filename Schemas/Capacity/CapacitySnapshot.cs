namespace LineaHub.Schemas.Capacity;

/// <summary>The latest capacity report of a node, as the hub stored it.</summary>
public sealed record CapacitySnapshot(
    int OperatorsOnline,
    int QueueLength,
    int AverageHandlingSeconds,
    bool AcceptingOverflow,
    bool OfficeOpen,
    DateTimeOffset ReceivedAt);
