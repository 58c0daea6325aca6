using LineaHub.Schemas.Nodes;

namespace LineaHub.Hub.Overflow;

/// <summary>What the dispatcher knows about a possible receiver at the moment it decides.</summary>
/// <param name="OverflowInFlight">Offers to this node not yet answered or accepted but not yet in its queue.</param>
/// <param name="RecentOverflowReceived">Overflow tickets it received recently: the last tie-breaker spreads work.</param>
public sealed record DispatchCandidate(
    Guid NodeId,
    string RegionCode,
    string Status,
    IReadOnlyList<string> Competences,
    IReadOnlyList<string> Languages,
    IReadOnlyList<OpeningHours> OpeningHours,
    DateTimeOffset? LastReportAt,
    int OperatorsOnline,
    int QueueLength,
    int AverageHandlingSeconds,
    bool AcceptingOverflow,
    bool OfficeOpen,
    int OverflowInFlight,
    int RecentOverflowReceived);
