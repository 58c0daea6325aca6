using LineaHub.Hub.Auth;
using LineaHub.Hub.Errors;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Nodes;
using Microsoft.EntityFrameworkCore;

namespace LineaHub.Hub.Nodes;

/// <summary>
/// Resolves the calling node from its token and refuses it unless it is active now: a node suspended
/// after its token was issued is stopped at its next call, not when the token expires.
/// </summary>
public sealed class NodeCallerFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var nodeId = http.User.GetNodeId() ?? throw new ForbiddenException("Questa operazione è riservata ai nodi della rete.");
        var db = http.RequestServices.GetRequiredService<HubDbContext>();
        var node = await db.Nodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == nodeId, http.RequestAborted);
        if (node is null || node.Status != NodeStates.Active)
        {
            throw new ForbiddenException("Il nodo non è attivo: contattare l'amministratore della rete.");
        }

        http.RequestServices.GetRequiredService<NodeCaller>().Node = node;
        return await next(context);
    }
}
