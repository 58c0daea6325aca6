using System.ComponentModel.DataAnnotations;
using LineaHub.Schemas.Tickets;

namespace LineaHub.Hub.Tickets;

public sealed class TicketsOptions
{
    public const string Section = "Tickets";

    /// <summary>Longest anonymised summary, in characters (also the column size).</summary>
    public const int MaxSummaryLength = TicketRules.MaxSummaryLength;

    /// <summary>Longest reason of a history entry.</summary>
    public const int MaxReasonLength = TicketRules.MaxReasonLength;

    /// <summary>Furthest SLA due time accepted when opening.</summary>
    [Range(1, 366)]
    public int MaxSlaDays { get; set; } = 90;

    [Range(1, 500)]
    public int MaxPageSize { get; set; } = 100;
}
