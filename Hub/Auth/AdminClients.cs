using System.Buffers.Text;
using System.Security.Cryptography;
using LineaHub.Hub.Errors;
using LineaHub.Schemas.Auth;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

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
        if (string.IsNullOrWhiteSpace(name) || name.Length > 50 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw RequestValidationException.Invalid("name", "Usare da 1 a 50 lettere, cifre o trattini.");
        }

        var clientId = ClientIdPrefix + name.ToLowerInvariant();
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not null)
        {
            throw new ConflictException($"Esiste già un client amministrativo '{clientId}'.");
        }

        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = $"Amministratore {name}",
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.ClientCredentials,
                Permissions.Prefixes.Scope + HubScopes.Admin,
            },
        }, cancellationToken);
        return new AdminCredentials(clientId, secret);
    }
}

public sealed record AdminCredentials(string ClientId, string ClientSecret);
