namespace LineaHub.Schemas.Nodes;

/// <summary>A node just registered, with the join code for its agent.</summary>
public sealed record CreatedNodeResponse(NodeResponse Node, JoinCodeResponse JoinCode);
