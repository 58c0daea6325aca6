using System.ComponentModel.DataAnnotations;

namespace LineaHub.NodeAgent.Overflow;

public sealed class InboxOptions
{
    public const string Section = "Inbox";

    /// <summary>
    /// How long the hub holds a poll open waiting for a message (long poll, at most 30 s on the hub). Kept below
    /// the hub client's 30 s timeout, so a quiet inbox is not mistaken for a hub that stopped answering.
    /// </summary>
    [Range(0, 25)]
    public int WaitSeconds { get; set; } = 25;

    /// <summary>Pause after a poll that brought nothing, so a hub that answers at once is not polled in a tight loop.</summary>
    [Range(0, 300)]
    public int IdleDelaySeconds { get; set; } = 1;

    /// <summary>Upper bound of the wait after the first failed poll (hub down); it doubles with each further failure.</summary>
    [Range(1, 3600)]
    public int BaseDelaySeconds { get; set; } = 1;

    /// <summary>The doubling stops here.</summary>
    [Range(1, 3600)]
    public int MaxDelaySeconds { get; set; } = 60;

    /// <summary>How long the log of handled messages keeps an entry; well past any redelivery of an acknowledged message.</summary>
    [Range(1, 3650)]
    public int LogRetentionDays { get; set; } = 30;
}
