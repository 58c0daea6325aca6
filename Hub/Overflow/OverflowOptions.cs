using System.ComponentModel.DataAnnotations;

namespace LineaHub.Hub.Overflow;

public sealed class OverflowOptions
{
    public const string Section = "Overflow";

    /// <summary>Capacity reports older than this make a node ineligible (it is stale).</summary>
    [Range(1, 3600)]
    public int FreshWithinSeconds { get; set; } = 45;

    /// <summary>Time zone of opening hours.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Rome";
}
