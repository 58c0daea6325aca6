namespace LineaHub.Hub.Nodes;

/// <summary>A one-time join code; only the SHA-256 of the code is stored.</summary>
public sealed class NodeJoinCode
{
    public Guid Id { get; set; }

    public Guid NodeId { get; set; }

    public required string CodeHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}
