using System.Net.Http.Json;
using System.Text.Json.Serialization;
using LineaHub.NodeAgent.Join;

namespace LineaHub.NodeAgent.Connection;

/// <summary>
/// Gets access tokens with client credentials and a signed assertion, caches them and renews them
/// a minute before they expire. One request at a time: concurrent callers share the result.
/// </summary>
public sealed class HubTokenClient(IHttpClientFactory httpClients, AgentIdentityStore store, TimeProvider clock) : IDisposable
{
    public const string HttpClientName = "hub-token";
    private static readonly TimeSpan RenewBefore = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _expiresAt;

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_token is { } cached && clock.GetUtcNow() < _expiresAt - RenewBefore)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } renewed && clock.GetUtcNow() < _expiresAt - RenewBefore)
            {
                return renewed;
            }

            var identity = await store.LoadIdentityAsync(cancellationToken);
            using var key = await store.LoadSigningKeyAsync(cancellationToken);
            var response = await RequestAsync(identity, key, cancellationToken);
            _token = response.AccessToken;
            _expiresAt = clock.GetUtcNow().AddSeconds(response.ExpiresIn);
            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forget the cached token, e.g. after the hub answered 401 or the key was rotated.</summary>
    public void Invalidate() => _token = null;

    /// <summary>One token request with the given key; used directly to check a key works.</summary>
    public async Task<TokenResponse> RequestAsync(AgentIdentity identity, AgentKey key, CancellationToken cancellationToken)
    {
        var assertion = ClientAssertions.Create(identity.ClientId, identity.Issuer, key, clock.GetUtcNow());
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = identity.ClientId,
            ["client_assertion_type"] = ClientAssertions.Type,
            ["client_assertion"] = assertion,
            ["scope"] = string.Join(' ', identity.Scopes),
        });
        using var response = await httpClients.CreateClient(HttpClientName).PostAsync(identity.TokenEndpoint, content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await HubProblemException.FromResponseAsync(response, cancellationToken);
        }

        return await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
            ?? throw new InvalidDataException("The token endpoint answered with an empty body.");
    }

    public void Dispose() => _gate.Dispose();

    public sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        [property: JsonPropertyName("token_type")] string TokenType);
}
