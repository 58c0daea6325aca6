namespace LineaHub.Schemas.Capacity;

/// <summary>The whole network at one instant.</summary>
/// <param name="At">When the view was computed (UTC).</param>
/// <param name="ReportIntervalSeconds">The expected report interval; stale after three missed.</param>
/// <param name="Nodes">Every registered node.</param>
/// <param name="TicketsInNetworkQueue">Tickets offered that found no office with capacity and wait for one.</param>
public sealed record NetworkView(DateTimeOffset At, int ReportIntervalSeconds, IReadOnlyList<NetworkNode> Nodes, int TicketsInNetworkQueue = 0);
