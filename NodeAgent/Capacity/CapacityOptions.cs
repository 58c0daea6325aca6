using System.ComponentModel.DataAnnotations;

namespace LineaHub.NodeAgent.Capacity;

/// <summary>
/// Starting figures until the office's own system sets them through the local API
/// (<c>PUT /api/v1/capacity</c>), e.g. from its call distributor.
/// </summary>
public sealed class CapacityOptions
{
    public const string Section = "Capacity";

    [Range(0, 10_000)]
    public int OperatorsOnline { get; set; } = 1;

    [Range(0, 1_000_000)]
    public int QueueLength { get; set; }

    [Range(1, 86_400)]
    public int AverageHandlingSeconds { get; set; } = 300;

    public bool AcceptingOverflow { get; set; } = true;

    public bool OfficeOpen { get; set; } = true;

    /// <summary>Report interval when the hub has not said one; the hub's answer takes precedence.</summary>
    [Range(1, 3600)]
    public int DefaultIntervalSeconds { get; set; } = 15;
}
