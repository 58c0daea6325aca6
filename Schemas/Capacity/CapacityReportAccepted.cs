namespace LineaHub.Schemas.Capacity;

/// <summary>The hub stored a capacity report.</summary>
/// <param name="ReceivedAt">When the hub received it (UTC).</param>
/// <param name="NextReportInSeconds">When the hub expects the next one.</param>
public sealed record CapacityReportAccepted(DateTimeOffset ReceivedAt, int NextReportInSeconds);
