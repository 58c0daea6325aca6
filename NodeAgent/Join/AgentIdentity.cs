namespace LineaHub.NodeAgent.Join;

/// <summary>What the agent learned when it joined: who it is and where to get tokens.</summary>
public sealed record AgentIdentity(
    Guid NodeId,
    string ClientId,
    Uri HubUrl,
    Uri Issuer,
    Uri TokenEndpoint,
    IReadOnlyList<string> Scopes,
    int CapacityReportIntervalSeconds,
    DateTimeOffset JoinedAt);
