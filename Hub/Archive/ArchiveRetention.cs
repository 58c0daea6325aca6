using LineaHub.Hub.Scheduling;
using LineaHub.Hub.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Archive;

/// <summary>
/// Keeps the archive within its horizons: raw records older than <see cref="ArchiveOptions.RetentionMonths"/> whole
/// months go (on PostgreSQL a month is one partition, dropped in one statement), rollups older than
/// <see cref="ArchiveOptions.RollupRetentionMonths"/> too.
/// </summary>
public sealed class ArchiveRetention(HubDbContext db, ArchivePartitions partitions, TimeProvider clock, IOptions<ArchiveOptions> options) : IPruner
{
    public string What => "archive months past the retention horizon";

    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var thisMonth = ArchiveCalendar.MonthStart(clock.GetUtcNow());
        var recordsHorizon = thisMonth.AddMonths(-options.Value.RetentionMonths);
        var rollupsHorizon = ArchiveCalendar.DayOf(thisMonth.AddMonths(-options.Value.RollupRetentionMonths));

        var pruned = db is PostgresHubDbContext
            ? await partitions.DropBeforeAsync(db, recordsHorizon, cancellationToken)
            : await db.ArchivedContacts.Where(c => c.ClosedAt < recordsHorizon).ExecuteDeleteAsync(cancellationToken);
        pruned += await db.ArchiveRollups.Where(r => r.Day < rollupsHorizon).ExecuteDeleteAsync(cancellationToken);
        pruned += await db.ArchiveDurationRollups.Where(r => r.Day < rollupsHorizon).ExecuteDeleteAsync(cancellationToken);
        return pruned;
    }
}
