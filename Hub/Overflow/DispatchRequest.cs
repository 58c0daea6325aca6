namespace LineaHub.Hub.Overflow;

/// <summary>A ticket looking for a receiver.</summary>
/// <param name="OriginNodeId">Never chosen: a ticket is not handed back to the office that offered it.</param>
/// <param name="DeclinedBy">Nodes that declined or let this ticket's offer expire: not asked again.</param>
/// <param name="MaxExpectedDelay">
/// The wait the ticket faces where it is; a receiver is worth it only if it is faster. Null: any receiver.
/// </param>
public sealed record DispatchRequest(
    Guid OriginNodeId,
    string OriginRegionCode,
    string Category,
    string Language,
    IReadOnlySet<Guid> DeclinedBy,
    TimeSpan? MaxExpectedDelay = null);
