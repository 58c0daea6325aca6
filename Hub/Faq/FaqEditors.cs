using LineaHub.Hub.Errors;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Auth;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LineaHub.Hub.Faq;

/// <summary>
/// Network editors are offices (nodes) whose client may also ask for <see cref="HubScopes.FaqEditor"/>: the
/// administrator grants or withdraws it; the node gets it in the next token it asks for with that scope.
/// </summary>
public sealed class FaqEditors(HubDbContext db, IOpenIddictApplicationManager applications)
{
    public async Task SetAsync(Guid nodeId, bool editor, CancellationToken cancellationToken)
    {
        var clientId = await db.Nodes.AsNoTracking().Where(n => n.Id == nodeId).Select(n => n.ClientId)
            .SingleOrDefaultAsync(cancellationToken);
        var application = clientId is null ? null : await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null)
        {
            throw new NotFoundException("Nodo non trovato o non ancora collegato alla rete.");
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        var permission = Permissions.Prefixes.Scope + HubScopes.FaqEditor;
        var changed = editor ? descriptor.Permissions.Add(permission) : descriptor.Permissions.Remove(permission);
        if (changed)
        {
            await applications.UpdateAsync(application, descriptor, cancellationToken);
        }
    }
}
