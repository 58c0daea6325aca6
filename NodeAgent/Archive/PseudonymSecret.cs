using LineaHub.Schemas.Anonymisation;

namespace LineaHub.NodeAgent.Archive;

/// <summary>
/// The node's secret for citizens' pseudonyms (<see cref="CitizenPseudonym"/>): drawn once, kept beside the agent's keys
/// in a file only the agent's user can read, never sent and never logged. Losing it only means that a citizen's later
/// contacts get a new pseudonym; changing it silently would do the same, so a damaged file stops the agent instead.
/// </summary>
public sealed class PseudonymSecret(AgentPaths paths) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _secret;

    public async Task<byte[]> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _secret) is { } loaded)
        {
            return loaded;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _secret ??= await LoadOrCreateAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<byte[]> LoadOrCreateAsync(CancellationToken cancellationToken)
    {
        var file = paths.PseudonymSecretFile;
        if (!File.Exists(file))
        {
            // Another process (an import while the agent runs) may create it at the same moment: one wins, both read it.
            await PrivateFiles.TryCreateAsync(file, Convert.ToBase64String(CitizenPseudonym.NewSecret()), cancellationToken);
        }

        byte[] secret;
        try
        {
            secret = Convert.FromBase64String((await File.ReadAllTextAsync(file, cancellationToken)).Trim());
        }
        catch (FormatException exception)
        {
            throw Damaged(file, exception);
        }

        return secret.Length >= CitizenPseudonym.MinimumSecretBytes ? secret : throw Damaged(file, null);
    }

    private static InvalidOperationException Damaged(string file, Exception? inner) =>
        new($"Il file {file} è danneggiato: ripristinarlo dalla copia di sicurezza della cartella dati.", inner);
}
