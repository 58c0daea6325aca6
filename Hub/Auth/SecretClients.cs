using System.Buffers.Text;
using System.Security.Cryptography;
using LineaHub.Hub.Errors;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LineaHub.Hub.Auth;

/// <summary>
/// Clients for people's tools (administrators, analysts): a client secret, shown once and stored hashed, for the
/// client_credentials grant with one scope. Nodes never get one: they sign assertions with their own keys.
/// </summary>
internal static class SecretClients
{
    public static async Task<(string ClientId, string ClientSecret)> CreateAsync(
        IOpenIddictApplicationManager applications,
        string prefix,
        string name,
        string displayName,
        string scope,
        string kindForMessages,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 50 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw RequestValidationException.Invalid("name", "Usare da 1 a 50 lettere, cifre o trattini.");
        }

        var clientId = prefix + name.ToLowerInvariant();
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not null)
        {
            throw new ConflictException($"Esiste già un client {kindForMessages} '{clientId}'.");
        }

        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName,
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.ClientCredentials,
                Permissions.Prefixes.Scope + scope,
            },
        }, cancellationToken);
        return (clientId, secret);
    }
}
