using System.Diagnostics;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Faq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Faq;

/// <summary>
/// Keeps this process's <see cref="FaqIndex"/> current: built from the database at start, then every
/// <see cref="FaqOptions.SyncIntervalMilliseconds"/> it applies the entries whose version is above the highest it
/// applied, and the synonym list when its version moved. Changes made through any replica reach this one's searches
/// within one interval; writers take change numbers in commit order (<see cref="FaqChangeCounter"/>), so none is skipped.
/// </summary>
public sealed partial class FaqIndexSync(
    FaqIndex index,
    IServiceScopeFactory scopes,
    IOptions<FaqOptions> options,
    ILogger<FaqIndexSync> logger) : BackgroundService
{
    private const int SyncChunkSize = 2_000;

    private long appliedVersion;
    private long synonymsVersion = -1;

    /// <summary>The highest change number applied to the index (entries and synonyms).</summary>
    public long AppliedVersion => Interlocked.Read(ref appliedVersion);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Built before the web server starts, so the first search already sees every published entry.
        var started = Stopwatch.GetTimestamp();
        await BuildAsync(cancellationToken);
        await SyncOnceAsync(cancellationToken);
        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogBuilt(logger, index.Count, AppliedVersion, elapsed);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Applies what changed since the last call (in version order); also called by tests that do not want to wait.</summary>
    public async Task SyncOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();

        // In chunks, so a long run of changes is never held in memory at once (100,000 entries read in one list
        // left the hub ~300 MiB larger than the index it built).
        while (true)
        {
            var from = AppliedVersion;
            var changes = await db.FaqEntries.AsNoTracking()
                .Where(e => e.Version > from)
                .OrderBy(e => e.Version)
                .Take(SyncChunkSize)
                .ToListAsync(cancellationToken);
            if (changes.Count == 0)
            {
                break;
            }

            index.ApplyAll(changes.Select(e => e.ToSearchEntry()));
            Interlocked.Exchange(ref appliedVersion, changes[^1].Version);
            if (changes.Count < SyncChunkSize)
            {
                break;
            }
        }

        await SyncSynonymsAsync(db, cancellationToken);
    }

    /// <summary>
    /// The start-up build: every entry up to the newest committed change, read in one streamed query grouped by
    /// scope (the order of <c>FaqDocuments.ScopeOrder</c>) and loaded in chunks, then the index merged into one
    /// segment and made searchable. Searches then skip other offices' entries in long runs; results do not depend on the order.
    /// Change numbers are taken in commit order, so every change up to the newest committed one is in the read,
    /// and the next sync resumes after it with what was written meanwhile.
    /// </summary>
    private async Task BuildAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var upTo = await db.FaqEntries.MaxAsync(e => (long?)e.Version, cancellationToken) ?? 0;
        if (upTo == 0)
        {
            return;
        }

        // Streamed, not listed, so the whole network's entries are never in memory at once.
        var chunk = new List<FaqEntry>(SyncChunkSize);
        var entries = db.FaqEntries.AsNoTracking()
            .Where(e => e.Version <= upTo)
            .OrderBy(e => e.Scope).ThenBy(e => e.RegionCode).ThenBy(e => e.EntityCode)
            .AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            chunk.Add(entry.ToSearchEntry());
            if (chunk.Count == SyncChunkSize)
            {
                index.Load(chunk);
                chunk.Clear();
            }
        }

        // Searchable from here, in one segment.
        index.Load(chunk);
        index.Compact();
        Interlocked.Exchange(ref appliedVersion, upTo);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A wall-clock interval, like the scheduler's: a test's fake clock must not stop replication.
        var interval = TimeSpan.FromMilliseconds(options.Value.SyncIntervalMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, TimeProvider.System, stoppingToken);
                await SyncOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The database may be away for a while: searches keep answering from the index as it is, and the
                // next poll resumes from the same version, so nothing is lost by trying again.
                LogSyncFailed(logger, e, AppliedVersion);
            }
        }
    }

    private async Task SyncSynonymsAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        var list = await db.FaqSynonymLists.AsNoTracking()
            .Where(s => s.Id == FaqSynonymList.SingleId)
            .Select(s => new { s.Text, s.Version })
            .SingleOrDefaultAsync(cancellationToken);
        var version = list?.Version ?? 0;
        if (version == synonymsVersion)
        {
            return;
        }

        // The list was checked when saved; parsing it again here can only fail on a hand-edited row.
        index.UseSynonyms(list is null ? FaqSynonyms.Default : FaqSynonyms.Parse(list.Text));
        synonymsVersion = version;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "FAQ index built: {Count} published entries, version {Version}, in {ElapsedMilliseconds} ms")]
    private static partial void LogBuilt(ILogger logger, int count, long version, long elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FAQ index sync failed; retrying from version {Version}")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception, long version);
}
