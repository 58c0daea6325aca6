using LineaHub.NodeAgent.Capacity;
using LineaHub.Schemas.Capacity;

namespace LineaHub.NodeAgent.Local;

/// <summary>What the office's system and the operator page see of the agent.</summary>
public sealed record AgentStatus(
    bool Joined,
    Guid? NodeId,
    string? ClientId,
    Uri? HubUrl,
    CapacityReport Capacity,
    ReportOutcome? LastReport,
    int OutboxPending,
    int OutboxDead,
    string AgentVersion);
