namespace LineaHub.Schemas.Capacity;

/// <summary>One node in the network view of administrators and coordinators.</summary>
/// <param name="Id">Registry id.</param>
/// <param name="Name">Office name.</param>
/// <param name="Kind">regione, provincia, comune or ente.</param>
/// <param name="Code">ISTAT or IPA code.</param>
/// <param name="RegionCode">ISTAT region code.</param>
/// <param name="State">One of <see cref="Nodes.NodeStates"/>, stale included.</param>
/// <param name="LastReport">The latest capacity report, or null when none arrived yet.</param>
/// <param name="OffersAwaitingAnswer">Overflow offers made to this node that it has not answered yet.</param>
/// <param name="OverflowAcceptedLastHour">Overflow tickets it accepted in the last hour.</param>
public sealed record NetworkNode(
    Guid Id,
    string Name,
    string Kind,
    string Code,
    string RegionCode,
    string State,
    CapacitySnapshot? LastReport,
    int OffersAwaitingAnswer = 0,
    int OverflowAcceptedLastHour = 0);
