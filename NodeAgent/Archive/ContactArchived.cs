namespace LineaHub.NodeAgent.Archive;

/// <summary>A closed contact the agent has archived (anonymised and stored for the hub). The same for every repeat of the id.</summary>
public sealed record ContactArchived(string ContactId, DateTimeOffset ArchivedAt);
