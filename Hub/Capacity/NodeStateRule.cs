using LineaHub.Schemas.Nodes;

namespace LineaHub.Hub.Capacity;

/// <summary>The network state of a node: its stored status, with active turned stale when reports stop.</summary>
public static class NodeStateRule
{
    public static string StateOf(string status, DateTimeOffset? lastReportAt, DateTimeOffset now, TimeSpan staleAfter) =>
        status switch
        {
            NodeStates.Active when lastReportAt is null || now - lastReportAt.Value > staleAfter => NodeStates.Stale,
            _ => status,
        };
}
