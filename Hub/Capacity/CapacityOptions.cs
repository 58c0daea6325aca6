using System.ComponentModel.DataAnnotations;

namespace LineaHub.Hub.Capacity;

public sealed class CapacityOptions
{
    public const string Section = "Capacity";

    /// <summary>How often agents report; the hub tells them in every answer.</summary>
    [Range(1, 3600)]
    public int ReportIntervalSeconds { get; set; } = 15;

    /// <summary>A node is stale after this many intervals without a report.</summary>
    [Range(1, 100)]
    public int StaleAfterMissedReports { get; set; } = 3;

    public TimeSpan StaleAfter => TimeSpan.FromSeconds(ReportIntervalSeconds * StaleAfterMissedReports);
}
