using LineaHub.Schemas.Archive;

namespace LineaHub.Benchmarks.ArchiveGenerator;

/// <summary>One synthetic closed contact, as the entity's agent would send it.</summary>
public sealed record GeneratedContact(SyntheticEntity Entity, ArchiveRecord Record);
