namespace LineaHub.NodeAgent;

/// <summary>Where the agent keeps its files. The folder is private to the agent's user.</summary>
public sealed class AgentPaths
{
    /// <summary>A relative folder is relative to the working directory, as operators expect of a command.</summary>
    public AgentPaths(string dataDirectory)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
    }

    public string DataDirectory { get; }

    public string KeysDirectory => Path.Combine(DataDirectory, "keys");

    public string IdentityFile => Path.Combine(DataDirectory, "identity.json");

    public string SigningKeyFile => Path.Combine(KeysDirectory, "signing.jwk.json");

    /// <summary>A new signing key waiting for the hub to accept it during rotation.</summary>
    public string PendingSigningKeyFile => Path.Combine(KeysDirectory, "signing.pending.jwk.json");

    public string EncryptionKeyFile => Path.Combine(KeysDirectory, "encryption.jwk.json");

    public string DatabaseFile => Path.Combine(DataDirectory, "agent.db");

    /// <summary>The secret that keys citizens' pseudonyms in archive records; it never leaves this folder.</summary>
    public string PseudonymSecretFile => Path.Combine(KeysDirectory, "pseudonym.secret");
}
