using System.Text.Json;

namespace LineaHub.NodeAgent.Join;

/// <summary>Reads and writes the agent's identity and keys in its data folder.</summary>
public sealed class AgentIdentityStore(AgentPaths paths)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public bool IsJoined => File.Exists(paths.IdentityFile);

    public async Task<AgentIdentity> LoadIdentityAsync(CancellationToken cancellationToken)
    {
        if (!IsJoined)
        {
            throw new AgentNotJoinedException(paths.DataDirectory);
        }

        return JsonSerializer.Deserialize<AgentIdentity>(await File.ReadAllTextAsync(paths.IdentityFile, cancellationToken), Json)
            ?? throw new InvalidDataException($"{paths.IdentityFile} is empty.");
    }

    public Task SaveIdentityAsync(AgentIdentity identity, CancellationToken cancellationToken) =>
        PrivateFiles.WriteAsync(paths.IdentityFile, JsonSerializer.Serialize(identity, Json), cancellationToken);

    public Task<AgentKey> LoadSigningKeyAsync(CancellationToken cancellationToken) =>
        AgentKey.LoadAsync(paths.SigningKeyFile, cancellationToken);

    public Task<AgentKey> LoadEncryptionKeyAsync(CancellationToken cancellationToken) =>
        AgentKey.LoadAsync(paths.EncryptionKeyFile, cancellationToken);
}
