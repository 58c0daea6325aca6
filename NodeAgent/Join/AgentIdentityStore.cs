using System.Text.Json;

namespace LineaHub.NodeAgent.Join;

/// <summary>Reads and writes the agent's identity and keys in its data folder.</summary>
public sealed class AgentIdentityStore(AgentPaths paths)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>How often an agent that has not joined yet looks for its identity.</summary>
    public static readonly TimeSpan NotJoinedPoll = TimeSpan.FromSeconds(5);

    public bool IsJoined => File.Exists(paths.IdentityFile);

    /// <summary>
    /// Waits until the agent has joined; false if stopped first. An agent may run before it joins (its local API
    /// is already useful), so the parts that talk to the hub wait here instead of failing and taking the host down.
    /// </summary>
    public async Task<bool> WaitUntilJoinedAsync(TimeProvider clock, CancellationToken cancellationToken)
    {
        while (!IsJoined)
        {
            try
            {
                await Task.Delay(NotJoinedPoll, clock, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return true;
    }

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
