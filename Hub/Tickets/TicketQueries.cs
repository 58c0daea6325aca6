using System.Globalization;
using LineaHub.Hub.Errors;
using LineaHub.Hub.Nodes;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Tickets;

/// <summary>
/// Looking tickets up. Any active office reads a ticket by its exact code (that is the point of a shared
/// ticket); lists are scoped: an office lists only the tickets it opened or holds.
/// </summary>
public sealed class TicketQueries(HubDbContext db, TicketViews views, IOptions<TicketsOptions> options)
{
    public const string RoleOrigin = "origin";
    public const string RoleHolder = "holder";

    public async Task<TicketView> GetAsync(string code, CancellationToken cancellationToken)
    {
        var canonical = TicketCodes.Require(code);
        var ticket = await db.Tickets.AsNoTracking().Include(t => t.History).SingleOrDefaultAsync(t => t.Code == canonical, cancellationToken)
            ?? throw new NotFoundException($"Nessun ticket con codice {canonical}.");
        return await views.ToViewAsync(ticket, cancellationToken);
    }

    public async Task<TicketPage> ListAsync(
        Node node, string? role, string? status, string? category, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (role is not null and not RoleOrigin and not RoleHolder)
        {
            errors.Add("role", "Valori ammessi: origin, holder.");
        }

        if (status is not null && !TicketStates.All.Contains(status))
        {
            errors.Add("status", $"Valori ammessi: {string.Join(", ", TicketStates.All)}.");
        }

        var size = limit ?? 50;
        if (size < 1 || size > options.Value.MaxPageSize)
        {
            errors.Add("limit", $"Da 1 a {options.Value.MaxPageSize}.");
        }

        long? after = null;
        if (cursor is not null)
        {
            if (long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                after = parsed;
            }
            else
            {
                errors.Add("cursor", "Cursore non valido: usare il valore nextCursor della pagina precedente.");
            }
        }

        errors.ThrowIfInvalid();

        var query = db.Tickets.AsNoTracking();
        query = role switch
        {
            RoleOrigin => query.Where(t => t.OriginNodeId == node.Id),
            RoleHolder => query.Where(t => t.HolderNodeId == node.Id),
            _ => query.Where(t => t.OriginNodeId == node.Id || t.HolderNodeId == node.Id),
        };
        if (status is not null)
        {
            query = query.Where(t => t.Status == status);
        }

        if (category is not null)
        {
            query = query.Where(t => t.Category == category || t.Category.StartsWith(category + "."));
        }

        if (after is not null)
        {
            query = query.Where(t => t.Id < after);
        }

        var rows = await query.OrderByDescending(t => t.Id).Take(size + 1)
            .Select(t => new { t.Id, Summary = new TicketSummary(t.Code, t.Status, t.Category, t.OriginNodeId, t.HolderNodeId, t.OpenedAt, t.SlaDueAt, t.Version) })
            .ToListAsync(cancellationToken);
        var page = rows.Take(size).ToList();
        var next = rows.Count > size ? page[^1].Id.ToString(CultureInfo.InvariantCulture) : null;
        return new TicketPage([.. page.Select(r => r.Summary)], next);
    }
}
