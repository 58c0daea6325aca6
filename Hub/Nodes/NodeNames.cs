using System.Collections.Concurrent;
using LineaHub.Hub.Storage;
using Microsoft.EntityFrameworkCore;

namespace LineaHub.Hub.Nodes;

/// <summary>
/// Node names for ticket views, kept in memory: a name never changes once a node is registered, and every view of
/// a ticket names two or three offices.
/// </summary>
public sealed class NodeNames
{
    private readonly ConcurrentDictionary<Guid, string> names = new();

    public async Task<IReadOnlyDictionary<Guid, string>> GetAsync(HubDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var missing = ids.Where(id => !names.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var node in await db.Nodes.AsNoTracking().Where(n => missing.Contains(n.Id)).Select(n => new { n.Id, n.Name }).ToListAsync(cancellationToken))
            {
                names[node.Id] = node.Name;
            }
        }

        return ids.Where(names.ContainsKey).ToDictionary(id => id, id => names[id]);
    }
}
