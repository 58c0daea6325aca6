using LineaHub.Hub.Errors;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Auth;
using LineaHub.Schemas.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;

namespace LineaHub.Hub.Nodes;

/// <summary>
/// A node replaces its signing key. The call itself is authenticated with the old key (through its
/// token); the proof, signed with the new key, shows the node holds the new private key. Afterwards
/// only the new key is registered, so assertions signed with the old one are refused.
/// </summary>
public sealed partial class RotateSigningKey(
    HubDbContext db,
    IOpenIddictApplicationManager applications,
    TimeProvider clock,
    IOptions<NodesOptions> options,
    CallerNodes callers,
    ILogger<RotateSigningKey> logger)
{
    public async Task<string> RotateAsync(Node node, RotateSigningKeyRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.SigningKey is null)
        {
            errors.Add("signingKey", "Campo obbligatorio.");
        }
        else if (request.SigningKey.Problem(PublicJwk.UseSignature) is { } problem)
        {
            errors.Add("signingKey", problem);
        }

        errors.Required("proof", request.Proof);
        errors.ThrowIfInvalid();

        var key = request.SigningKey!;
        var keyId = key.Thumbprint();
        if (keyId == node.SigningKeyId)
        {
            throw RequestValidationException.Invalid("signingKey", "La nuova chiave coincide con quella registrata.");
        }

        await ValidateProofAsync(node.ClientId!, key, request.Proof!);

        var application = await applications.FindByClientIdAsync(node.ClientId!, cancellationToken)
            ?? throw new NotFoundException("Il client OAuth del nodo non esiste più.");
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        descriptor.JsonWebKeySet = NodeKeys.SigningKeySet(key);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        var tracked = await db.Nodes.FindAsync([node.Id], cancellationToken) ?? throw new NotFoundException("Nodo non trovato.");
        tracked.SigningKeyId = keyId;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        callers.Forget(node.Id);
        LogRotated(logger, node.Id, keyId);
        return keyId;
    }

    private async Task ValidateProofAsync(string clientId, PublicJwk key, string proof)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(proof, new TokenValidationParameters
        {
            IssuerSigningKey = NodeKeys.ToSecurityKey(key),
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            throw RequestValidationException.Invalid("proof", "La prova non è firmata con la nuova chiave.");
        }

        if (token.Subject != clientId)
        {
            throw RequestValidationException.Invalid("proof", "Il soggetto (sub) della prova deve essere il client id del nodo.");
        }

        var age = clock.GetUtcNow() - new DateTimeOffset(token.IssuedAt, TimeSpan.Zero);
        if (token.IssuedAt == DateTime.MinValue || age > TimeSpan.FromSeconds(options.Value.KeyProofMaxAgeSeconds) || age < TimeSpan.FromMinutes(-5))
        {
            throw RequestValidationException.Invalid("proof", "La prova è troppo vecchia o senza iat: firmarne una nuova.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {NodeId} rotated its signing key to {KeyId}")]
    private static partial void LogRotated(ILogger logger, Guid nodeId, string keyId);
}
