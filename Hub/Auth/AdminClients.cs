using LineaHub.Schemas.Auth;
using OpenIddict.Abstractions;

namespace LineaHub.Hub.Auth;

/// <summary>
/// Administrator clients: people's tools, not office machines. They authenticate with a client secret
/// (shown once, stored hashed) because a person needs something to type; nodes never get one.
/// </summary>
public sealed class AdminClients(IOpenIddictApplicationManager applications)
{
    public const string ClientIdPrefix = "admin-";

    public async Task<AdminCredentials> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var (clientId, secret) = await SecretClients.CreateAsync(
            applications, ClientIdPrefix, name, $"Amministratore {name}", HubScopes.Admin, "amministrativo", cancellationToken);
        return new AdminCredentials(clientId, secret);
    }
}

public sealed record AdminCredentials(string ClientId, string ClientSecret);
