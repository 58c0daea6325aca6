using System.Security.Claims;
using LineaHub.Hub.Auth;
using LineaHub.Hub.Errors;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Auth;
using LineaHub.Schemas.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace LineaHub.Hub.Analytics;

/// <summary>Turns the caller's token into an <see cref="AnalyticsViewer"/>; the same for REST and GraphQL.</summary>
public sealed class AnalyticsAccess(HubDbContext db, IOptions<AnalyticsOptions> options)
{
    public async Task<AnalyticsViewer> ViewerAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.HasScope(HubScopes.Analytics))
        {
            return new AnalyticsViewer(OwnEntity: null, options.Value.MinimumCellCount);
        }

        if (user.HasScope(HubScopes.Node) && user.GetNodeId() is { } nodeId)
        {
            // As NodeCallerFilter does: a node suspended after its token was issued is stopped now.
            var node = await db.Nodes.AsNoTracking()
                .Where(n => n.Id == nodeId)
                .Select(n => new { n.Code, n.Status })
                .SingleOrDefaultAsync(cancellationToken);
            if (node is null || node.Status != NodeStates.Active)
            {
                throw new ForbiddenException("Il nodo non è attivo: contattare l'amministratore della rete.");
            }

            return new AnalyticsViewer(node.Code, MinimumCellCount: null);
        }

        throw new ForbiddenException(
            "Le analisi richiedono lo scope analytics.read (analisti) o un token di nodo (solo il proprio ente).");
    }
}
