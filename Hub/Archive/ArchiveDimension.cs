namespace LineaHub.Hub.Archive;

/// <summary>What archive counts can be grouped and filtered by.</summary>
public enum ArchiveDimension
{
    Entity,
    Region,
    Category,
    Channel,
    RequestType,
    Outcome,
    Area,
}
