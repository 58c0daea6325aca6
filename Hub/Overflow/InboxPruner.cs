using LineaHub.Hub.Scheduling;
using LineaHub.Hub.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Overflow;

/// <summary>
/// Forgets inbox messages older than <see cref="OverflowOptions.InboxRetentionDays"/>: an office whose agent has not
/// fetched them by then (it was switched off) would find only stale offers and changes it can read on the tickets.
/// </summary>
public sealed class InboxPruner(HubDbContext db, TimeProvider clock, IOptions<OverflowOptions> options) : IPruner
{
    public string What => "inbox messages past their retention";

    public Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.InboxRetentionDays);
        return db.InboxEntries.Where(e => e.CreatedAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}
