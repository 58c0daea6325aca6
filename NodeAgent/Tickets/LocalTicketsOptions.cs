using System.ComponentModel.DataAnnotations;

namespace LineaHub.NodeAgent.Tickets;

public sealed class LocalTicketsOptions
{
    public const string Section = "Tickets";

    /// <summary>Furthest SLA due time accepted; keep it equal to the hub's <c>Tickets:MaxSlaDays</c>.</summary>
    [Range(1, 366)]
    public int MaxSlaDays { get; set; } = 90;
}
