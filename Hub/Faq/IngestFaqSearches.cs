using LineaHub.Hub.Errors;
using LineaHub.Hub.Nodes;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Faq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Faq;

/// <summary>
/// An office's batch of searches run on its local replica: each search is checked on its own (rules, the PII guard,
/// retention horizon); refused ones are reported and not stored, the others are stored once per (node, search id), all
/// in one transaction.
/// </summary>
public sealed partial class IngestFaqSearches(
    HubDbContext db,
    NodeCaller caller,
    TimeProvider clock,
    IOptions<FaqOptions> options,
    ILogger<IngestFaqSearches> logger)
{
    public async Task<FaqSearchLogResponse> IngestAsync(FaqSearchLogBatch batch, CancellationToken cancellationToken)
    {
        var searches = BatchSize.Require(batch.Searches, "searches", FaqSearchLogBatch.MaxSearches, "ricerche");

        var node = caller.Node;
        var now = clock.GetUtcNow();
        var horizon = now.AddDays(-options.Value.LearningRetentionDays);
        var skew = TimeSpan.FromSeconds(options.Value.ClockSkewSeconds);
        var refused = new List<RefusedFaqSearch>();
        var rows = new List<LoggedFaqSearch>(searches.Count);
        var seen = new HashSet<Guid>();
        for (var index = 0; index < searches.Count; index++)
        {
            var search = searches[index] ?? new FaqSearchLogEntry(Guid.Empty, null, null, 0, default);
            var errors = FaqSearchLogRules.Validate(search, now, skew).ToList();
            if (search.At != default && search.At < horizon)
            {
                errors.Add(new FaqSearchLogError("at", "invalid", $"Oltre il periodo di conservazione del registro delle ricerche ({options.Value.LearningRetentionDays} giorni)."));
            }

            if (search.SearchId != Guid.Empty && !seen.Add(search.SearchId))
            {
                errors.Add(new FaqSearchLogError("searchId", "duplicate_in_batch", "La stessa ricerca compare più volte nel lotto."));
            }

            if (errors.Count > 0)
            {
                refused.Add(new RefusedFaqSearch(index, search.SearchId == Guid.Empty ? null : search.SearchId, errors));
                continue;
            }

            rows.Add(new LoggedFaqSearch
            {
                NodeId = node.Id,
                SearchId = search.SearchId,
                Query = search.Query!,
                NormalisedQuery = FaqQueryNormaliser.Normalise(search.Query!),
                CategoryCode = search.CategoryCode,
                TotalHits = search.TotalHits,
                At = search.At.ToUniversalTime(),
            });
        }

        var stored = await db.InTransactionAsync(() => StoreAsync(node, rows, cancellationToken), cancellationToken);
        var alreadyStored = rows.Select(r => r.SearchId).Where(id => !stored.Contains(id)).ToList();
        LogIngested(logger, node.Id, stored.Count, alreadyStored.Count, refused.Count);
        return new FaqSearchLogResponse(rows.Select(r => r.SearchId).Where(stored.Contains).ToList(), alreadyStored, refused);
    }

    private async Task<HashSet<Guid>> StoreAsync(Node node, List<LoggedFaqSearch> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.SearchId).ToList();
        var existing = (await db.FaqSearchLog.AsNoTracking()
                .Where(s => s.NodeId == node.Id && ids.Contains(s.SearchId))
                .Select(s => s.SearchId)
                .ToListAsync(cancellationToken))
            .ToHashSet();
        var fresh = rows.Where(r => !existing.Contains(r.SearchId)).ToList();
        db.FaqSearchLog.AddRange(fresh);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique (node, search id) caught a concurrent send of the same searches under another key.
            db.ChangeTracker.Clear();
            throw new ConflictException("Le stesse ricerche sono in registrazione da un'altra richiesta: ripetere.", transient: true);
        }

        db.ChangeTracker.Clear();
        return fresh.Select(r => r.SearchId).ToHashSet();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "FAQ search log batch from {NodeId}: {Stored} stored, {AlreadyStored} already stored, {Refused} refused")]
    private static partial void LogIngested(ILogger logger, Guid nodeId, int stored, int alreadyStored, int refused);
}
