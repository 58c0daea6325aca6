namespace LineaHub.Schemas.Nodes;

/// <summary>A member office as the registry knows it.</summary>
public sealed record NodeResponse(
    Guid Id,
    string Name,
    string Kind,
    string Code,
    string RegionCode,
    string RegionName,
    string Status,
    IReadOnlyList<string> Competences,
    IReadOnlyList<string> Languages,
    IReadOnlyList<OpeningHours> OpeningHours,
    string? ClientId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? JoinedAt,
    DateTimeOffset? SuspendedAt);
