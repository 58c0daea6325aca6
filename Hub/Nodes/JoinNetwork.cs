using System.Text.Json;
using LineaHub.Hub.Errors;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Auth;
using LineaHub.Schemas.Nodes;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LineaHub.Hub.Nodes;

/// <summary>
/// An agent presents its one-time code and its public keys; the hub registers an OAuth client holding
/// those keys. The code is consumed in the same transaction, so it works once even under races.
/// </summary>
public sealed partial class JoinNetwork(
    HubDbContext db,
    IOpenIddictApplicationManager applications,
    TimeProvider clock,
    CallerNodes callers,
    ILogger<JoinNetwork> logger)
{
    public async Task<(Node Node, string ClientId)> JoinAsync(JoinRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Required("code", request.Code);
        if (request.SigningKey is null)
        {
            errors.Add("signingKey", "Campo obbligatorio.");
        }
        else if (request.SigningKey.Problem(PublicJwk.UseSignature) is { } signingProblem)
        {
            errors.Add("signingKey", signingProblem);
        }

        if (request.EncryptionKey is null)
        {
            errors.Add("encryptionKey", "Campo obbligatorio.");
        }
        else if (request.EncryptionKey.Problem(PublicJwk.UseEncryption) is { } encryptionProblem)
        {
            errors.Add("encryptionKey", encryptionProblem);
        }

        if (request.AgentVersion is { Length: > 100 })
        {
            errors.Add("agentVersion", "Al massimo 100 caratteri.");
        }

        errors.ThrowIfInvalid();

        var hash = JoinCodes.Hash(request.Code!);
        var joinCode = await db.NodeJoinCodes.AsNoTracking().SingleOrDefaultAsync(c => c.CodeHash == hash, cancellationToken)
            ?? throw RequestValidationException.Invalid("code", "Codice di adesione sconosciuto: controllare di averlo copiato per intero.");
        var now = clock.GetUtcNow();
        if (joinCode.UsedAt is not null)
        {
            throw RequestValidationException.Invalid("code", "Codice di adesione già utilizzato: chiederne uno nuovo all'amministratore della rete.");
        }

        if (joinCode.ExpiresAt <= now)
        {
            throw RequestValidationException.Invalid("code", "Codice di adesione scaduto: chiederne uno nuovo all'amministratore della rete.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var consumed = await db.NodeJoinCodes
            .Where(c => c.Id == joinCode.Id && c.UsedAt == null)
            .ExecuteUpdateAsync(update => update.SetProperty(c => c.UsedAt, now), cancellationToken);
        if (consumed == 0)
        {
            throw RequestValidationException.Invalid("code", "Codice di adesione già utilizzato: chiederne uno nuovo all'amministratore della rete.");
        }

        var node = await db.Nodes.SingleAsync(n => n.Id == joinCode.NodeId, cancellationToken);
        if (node.Status == NodeStates.Suspended)
        {
            throw new ForbiddenException("Il nodo è sospeso: l'adesione non è possibile.");
        }

        var clientId = node.ClientId ?? $"node-{node.Id:N}";
        var existing = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = clientId,
                ClientType = ClientTypes.Confidential,
                DisplayName = node.Name,
                JsonWebKeySet = NodeKeys.SigningKeySet(request.SigningKey!),
                Permissions =
                {
                    Permissions.Endpoints.Token,
                    Permissions.GrantTypes.ClientCredentials,
                    Permissions.Prefixes.Scope + HubScopes.Node,
                },
            }, cancellationToken);
        }
        else
        {
            // Rejoining with a new code (agent reinstalled): the new keys replace the old ones.
            var descriptor = new OpenIddictApplicationDescriptor();
            await applications.PopulateAsync(descriptor, existing, cancellationToken);
            descriptor.JsonWebKeySet = NodeKeys.SigningKeySet(request.SigningKey!);
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }

        node.ClientId = clientId;
        node.SigningKeyId = request.SigningKey!.Thumbprint();
        node.EncryptionKey = JsonSerializer.Serialize(request.EncryptionKey! with { Kid = request.EncryptionKey.Thumbprint(), Use = PublicJwk.UseEncryption }, JsonSerializerOptions.Web);
        node.AgentVersion = request.AgentVersion;
        node.JoinedAt ??= now;
        node.Status = NodeStates.Active;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        callers.Forget(node.Id);
        LogJoined(logger, node.Id, clientId);
        return (node, clientId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {NodeId} joined as client {ClientId}")]
    private static partial void LogJoined(ILogger logger, Guid nodeId, string clientId);
}
