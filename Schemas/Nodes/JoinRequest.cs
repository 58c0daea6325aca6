using LineaHub.Schemas.Auth;

namespace LineaHub.Schemas.Nodes;

/// <summary>An agent joins the network with its one-time code and its own public keys.</summary>
/// <param name="Code">The join code an administrator issued.</param>
/// <param name="SigningKey">Public key of the agent's client assertions (ES256).</param>
/// <param name="EncryptionKey">Public key peers encrypt overflow contact data for (ECDH-ES).</param>
/// <param name="AgentVersion">Informational version of the agent software.</param>
public sealed record JoinRequest(string? Code, PublicJwk? SigningKey, PublicJwk? EncryptionKey, string? AgentVersion);
