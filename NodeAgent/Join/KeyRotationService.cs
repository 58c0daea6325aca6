using System.Net.Http.Json;
using LineaHub.NodeAgent.Connection;
using LineaHub.Schemas.Auth;
using LineaHub.Schemas.Nodes;

namespace LineaHub.NodeAgent.Join;

/// <summary>
/// Replaces the signing key. The new key is saved as pending before the hub hears of it, so that an
/// agent stopped halfway can still finish: if the hub already took the new key, the pending one works.
/// </summary>
public sealed class KeyRotationService(
    IHttpClientFactory httpClients,
    AgentPaths paths,
    AgentIdentityStore store,
    HubTokenClient tokens,
    TimeProvider clock)
{
    public async Task<string> RotateAsync(CancellationToken cancellationToken)
    {
        var identity = await store.LoadIdentityAsync(cancellationToken);
        using var next = AgentKey.Generate(PublicJwk.UseSignature);
        await next.SaveAsync(paths.PendingSigningKeyFile, cancellationToken);

        var request = new RotateSigningKeyRequest(next.Public, ClientAssertions.CreateKeyProof(identity.ClientId, next, clock.GetUtcNow()));
        using var response = await httpClients.CreateClient(HubClient.Name)
            .PostAsJsonAsync(new Uri(identity.HubUrl, "api/v1/nodes/me/signing-key"), request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            File.Delete(paths.PendingSigningKeyFile);
            throw await HubProblemException.FromResponseAsync(response, cancellationToken);
        }

        File.Move(paths.PendingSigningKeyFile, paths.SigningKeyFile, overwrite: true);
        tokens.Invalidate();
        await tokens.GetTokenAsync(cancellationToken);
        return next.KeyId;
    }

    /// <summary>
    /// Finishes a rotation interrupted after the hub accepted the new key: if the current key is refused
    /// and the pending one works, the pending one becomes current.
    /// </summary>
    public async Task<bool> RecoverPendingAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(paths.PendingSigningKeyFile))
        {
            return false;
        }

        var identity = await store.LoadIdentityAsync(cancellationToken);
        using var pending = await AgentKey.LoadAsync(paths.PendingSigningKeyFile, cancellationToken);
        try
        {
            await tokens.RequestAsync(identity, pending, cancellationToken);
        }
        catch (HubProblemException)
        {
            File.Delete(paths.PendingSigningKeyFile);
            return false;
        }

        File.Move(paths.PendingSigningKeyFile, paths.SigningKeyFile, overwrite: true);
        tokens.Invalidate();
        return true;
    }
}
