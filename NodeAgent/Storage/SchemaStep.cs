namespace LineaHub.NodeAgent.Storage;

/// <summary>
/// One change to the agent's database. Its position in <see cref="AgentSchema.Steps"/> is its version,
/// so a step that has shipped is never edited or moved: a later change is a new step at the end.
/// </summary>
public sealed record SchemaStep(string Name, string Sql);
