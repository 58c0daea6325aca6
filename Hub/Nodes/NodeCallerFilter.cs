using LineaHub.Hub.Auth;
using LineaHub.Hub.Errors;
using LineaHub.Hub.Storage;

namespace LineaHub.Hub.Nodes;

/// <summary>
/// Resolves the calling node from its token and refuses it unless it is active: a node suspended after its token
/// was issued is stopped at its next call, not when the token expires (through another replica, within
/// <see cref="NodesOptions.CallerCacheMilliseconds"/>: see <see cref="CallerNodes"/>).
/// </summary>
public sealed class NodeCallerFilter(CallerNodes callers) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var nodeId = http.User.GetNodeId() ?? throw new ForbiddenException("Questa operazione è riservata ai nodi della rete.");
        var node = await callers.FindActiveAsync(http.RequestServices.GetRequiredService<HubDbContext>(), nodeId, http.RequestAborted)
            ?? throw new ForbiddenException("Il nodo non è attivo: contattare l'amministratore della rete.");
        http.RequestServices.GetRequiredService<NodeCaller>().Node = node;
        return await next(context);
    }
}
