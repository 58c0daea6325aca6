using LineaHub.Schemas.Nodes;

namespace LineaHub.Hub.Nodes;

/// <summary>A member office in the registry (storage entity; never sent over the wire).</summary>
public sealed class Node
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public required string Kind { get; set; }

    public required string Code { get; set; }

    public required string RegionCode { get; set; }

    /// <summary>pending, active or suspended (<see cref="NodeStates"/>).</summary>
    public required string Status { get; set; }

    public List<string> Competences { get; set; } = [];

    public List<string> Languages { get; set; } = [];

    public List<OpeningHours> OpeningHours { get; set; } = [];

    /// <summary>OAuth client id, set when the agent joins.</summary>
    public string? ClientId { get; set; }

    /// <summary>Public encryption JWK (JSON) peers seal overflow contact data for.</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>Thumbprint of the signing key now registered.</summary>
    public string? SigningKeyId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? JoinedAt { get; set; }

    public DateTimeOffset? SuspendedAt { get; set; }

    public string? AgentVersion { get; set; }
}
