using LineaHub.Schemas.Auth;
using OpenIddict.Abstractions;

namespace LineaHub.Hub.Auth;

/// <summary>
/// Analyst clients: people's tools with the scope <see cref="HubScopes.Analytics"/> only — trend queries across
/// entities, aggregated and with small cells suppressed; no node records, no administration.
/// </summary>
public sealed class AnalystClients(IOpenIddictApplicationManager applications)
{
    public const string ClientIdPrefix = "analyst-";

    public async Task<AnalystCredentials> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var (clientId, secret) = await SecretClients.CreateAsync(
            applications, ClientIdPrefix, name, $"Analista {name}", HubScopes.Analytics, "analista", cancellationToken);
        return new AnalystCredentials(clientId, secret);
    }
}

public sealed record AnalystCredentials(string ClientId, string ClientSecret);
