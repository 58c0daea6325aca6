using LineaHub.Hub.Errors;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Nodes;

/// <summary>What administrators do with the registry: register, look up, suspend, reactivate, reissue codes.</summary>
public sealed partial class NodeRegistry(
    HubDbContext db,
    TimeProvider clock,
    IOptions<NodesOptions> options,
    CallerNodes callers,
    ILogger<NodeRegistry> logger)
{
    public async Task<CreatedNodeResponse> RegisterAsync(CreateNodeRequest request, CancellationToken cancellationToken)
    {
        NodeRequestValidator.Validate(request);
        if (await db.Nodes.AnyAsync(n => n.Kind == request.Kind && n.Code == request.Code, cancellationToken))
        {
            throw new ConflictException($"Esiste già un nodo di tipo {request.Kind} con codice {request.Code}.");
        }

        var node = new Node
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Name = request.Name!.Trim(),
            Kind = request.Kind!,
            Code = request.Code!,
            RegionCode = request.RegionCode!,
            Status = NodeStates.Pending,
            Competences = [.. request.Competences ?? []],
            Languages = [.. request.Languages ?? ["it"]],
            OpeningHours = [.. request.OpeningHours ?? []],
            CreatedAt = clock.GetUtcNow(),
        };
        db.Nodes.Add(node);
        var code = NewJoinCode(node.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two administrators registering the same office at once: the unique index decides.
            db.ChangeTracker.Clear();
            if (await db.Nodes.AnyAsync(n => n.Kind == node.Kind && n.Code == node.Code, cancellationToken))
            {
                throw new ConflictException($"Esiste già un nodo di tipo {request.Kind} con codice {request.Code}.");
            }

            throw;
        }

        LogRegistered(logger, node.Id, node.Kind, node.Code);
        return new CreatedNodeResponse(node.ToResponse(), code);
    }

    public async Task<IReadOnlyList<NodeResponse>> ListAsync(string? status, string? regionCode, CancellationToken cancellationToken)
    {
        var query = db.Nodes.AsNoTracking();
        if (!string.IsNullOrEmpty(status))
        {
            query = query.Where(n => n.Status == status);
        }

        if (!string.IsNullOrEmpty(regionCode))
        {
            query = query.Where(n => n.RegionCode == regionCode);
        }

        var nodes = await query.OrderBy(n => n.Name).ThenBy(n => n.Id).ToListAsync(cancellationToken);
        return [.. nodes.Select(n => n.ToResponse())];
    }

    public async Task<NodeResponse> GetAsync(Guid id, CancellationToken cancellationToken) =>
        (await FindAsync(id, cancellationToken)).ToResponse();

    public async Task<NodeResponse> SuspendAsync(Guid id, CancellationToken cancellationToken)
    {
        var node = await FindAsync(id, cancellationToken);
        if (node.Status == NodeStates.Suspended)
        {
            throw new ConflictException("Il nodo è già sospeso.");
        }

        node.Status = NodeStates.Suspended;
        node.SuspendedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        callers.Forget(node.Id);
        LogStatusChanged(logger, node.Id, node.Status);
        return node.ToResponse();
    }

    public async Task<NodeResponse> ReactivateAsync(Guid id, CancellationToken cancellationToken)
    {
        var node = await FindAsync(id, cancellationToken);
        if (node.Status != NodeStates.Suspended)
        {
            throw new ConflictException("Il nodo non è sospeso.");
        }

        // A node suspended before it ever joined goes back to waiting for its agent.
        node.Status = node.JoinedAt is null ? NodeStates.Pending : NodeStates.Active;
        node.SuspendedAt = null;
        await db.SaveChangesAsync(cancellationToken);
        callers.Forget(node.Id);
        LogStatusChanged(logger, node.Id, node.Status);
        return node.ToResponse();
    }

    /// <summary>
    /// A fresh join code, e.g. when an office reinstalls its agent and lost its keys. Codes issued
    /// earlier and not used are withdrawn.
    /// </summary>
    public async Task<JoinCodeResponse> IssueJoinCodeAsync(Guid id, CancellationToken cancellationToken)
    {
        var node = await FindAsync(id, cancellationToken);
        if (node.Status == NodeStates.Suspended)
        {
            throw new ConflictException("Il nodo è sospeso: riattivarlo prima di emettere un codice di adesione.");
        }

        var now = clock.GetUtcNow();
        await db.NodeJoinCodes
            .Where(c => c.NodeId == id && c.UsedAt == null && c.ExpiresAt > now)
            .ExecuteUpdateAsync(update => update.SetProperty(c => c.ExpiresAt, now), cancellationToken);
        var code = NewJoinCode(id);
        await db.SaveChangesAsync(cancellationToken);
        return code;
    }

    private JoinCodeResponse NewJoinCode(Guid nodeId)
    {
        var code = JoinCodes.Generate();
        var now = clock.GetUtcNow();
        var expiresAt = now.AddHours(options.Value.JoinCodeLifetimeHours);
        db.NodeJoinCodes.Add(new NodeJoinCode
        {
            Id = Guid.CreateVersion7(now),
            NodeId = nodeId,
            CodeHash = JoinCodes.Hash(code),
            CreatedAt = now,
            ExpiresAt = expiresAt,
        });
        return new JoinCodeResponse(code, expiresAt);
    }

    private async Task<Node> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Nodes.SingleOrDefaultAsync(n => n.Id == id, cancellationToken)
        ?? throw new NotFoundException($"Nessun nodo con id {id}.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {NodeId} registered ({Kind} {Code})")]
    private static partial void LogRegistered(ILogger logger, Guid nodeId, string kind, string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {NodeId} is now {Status}")]
    private static partial void LogStatusChanged(ILogger logger, Guid nodeId, string status);
}
