using System.Net.Http.Json;
using System.Reflection;
using LineaHub.NodeAgent.Connection;
using LineaHub.Schemas.Auth;
using LineaHub.Schemas.Nodes;

namespace LineaHub.NodeAgent.Join;

/// <summary>
/// Joins the network: makes the agent's own key pairs, sends the public halves with the one-time code,
/// stores the identity the hub returns, and proves the new identity works by getting a first token.
/// </summary>
public sealed class JoinService(
    IHttpClientFactory httpClients,
    AgentPaths paths,
    AgentIdentityStore store,
    HubTokenClient tokens,
    TimeProvider clock)
{
    public static string AgentVersion { get; } =
        typeof(JoinService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public async Task<AgentIdentity> JoinAsync(Uri hubUrl, string code, bool force, CancellationToken cancellationToken)
    {
        if (store.IsJoined && !force)
        {
            throw new InvalidOperationException(
                $"Questo agente ha già aderito (cartella {paths.DataDirectory}). Per aderire di nuovo con un nuovo codice usare --force.");
        }

        using var signing = AgentKey.Generate(PublicJwk.UseSignature);
        using var encryption = AgentKey.Generate(PublicJwk.UseEncryption);
        var request = new JoinRequest(code, signing.Public, encryption.Public, AgentVersion);
        using var response = await httpClients.CreateClient(HubTokenClient.HttpClientName)
            .PostAsJsonAsync(new Uri(hubUrl, "api/v1/join"), request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await HubProblemException.FromResponseAsync(response, cancellationToken);
        }

        var joined = await response.Content.ReadFromJsonAsync<JoinResponse>(cancellationToken)
            ?? throw new InvalidDataException("The hub answered the join with an empty body.");

        // Keys first, identity last: a crash in between leaves an agent that is simply not joined.
        await signing.SaveAsync(paths.SigningKeyFile, cancellationToken);
        await encryption.SaveAsync(paths.EncryptionKeyFile, cancellationToken);
        var identity = new AgentIdentity(
            joined.NodeId,
            joined.ClientId,
            hubUrl,
            joined.Issuer,
            joined.TokenEndpoint,
            joined.Scopes,
            joined.CapacityReportIntervalSeconds,
            clock.GetUtcNow());
        await store.SaveIdentityAsync(identity, cancellationToken);
        tokens.Invalidate();
        await tokens.GetTokenAsync(cancellationToken);
        return identity;
    }
}
