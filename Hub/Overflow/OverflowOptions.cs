using System.ComponentModel.DataAnnotations;

namespace LineaHub.Hub.Overflow;

public sealed class OverflowOptions
{
    public const string Section = "Overflow";

    /// <summary>Capacity reports older than this make a node ineligible (it is stale).</summary>
    [Range(1, 3600)]
    public int FreshWithinSeconds { get; set; } = 45;

    /// <summary>The receiver must accept or decline within this; past it the offer is withdrawn and the ticket re-dispatched.</summary>
    [Range(5, 3600)]
    public int OfferTimeoutSeconds { get; set; } = 60;

    /// <summary>A ticket that found no office with capacity waits in the network queue this long, then goes back to its origin.</summary>
    [Range(10, 86_400)]
    public int MaxQueueWaitSeconds { get; set; } = 600;

    /// <summary>How often the hub looks for offers past their deadline and for queued tickets that can now be dispatched.</summary>
    [Range(1, 60)]
    public int SweepIntervalSeconds { get; set; } = 2;

    /// <summary>The window of "overflow received recently", the last tie-breaker.</summary>
    [Range(60, 86_400)]
    public int RecentWindowSeconds { get; set; } = 3600;

    /// <summary>
    /// How long the dispatcher reuses its reading of the network (nodes, capacity, offers in flight) for further offers;
    /// 0 reads it for every offer. A capacity report received by this hub process refreshes it at once.
    /// </summary>
    [Range(0, 10_000)]
    public int SnapshotMaxAgeMilliseconds { get; set; } = 1000;

    /// <summary>Inbox messages not fetched within this many days are deleted (the office's agent was off that long).</summary>
    [Range(1, 365)]
    public int InboxRetentionDays { get; set; } = 14;

    /// <summary>Time zone of opening hours.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Rome";
}
