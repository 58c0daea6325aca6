using LineaHub.Hub.Storage;
using LineaHub.Schemas.Anonymisation;
using LineaHub.Schemas.Faq;
using LineaHub.Schemas.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Faq;

/// <summary>
/// Writes the hub's own searches to the search log: takes what <see cref="FaqSearchLogBuffer"/> holds, up to
/// <see cref="FaqOptions.SearchLogWriteBatchSize"/> at a time, anonymises each query (operators type names and numbers
/// into the search box) and inserts the batch at once: one binary <c>COPY</c> on PostgreSQL
/// (<see cref="FaqSearchLogCopy"/>), one <c>SaveChanges</c> on SQLite. Under load batches grow by themselves, because
/// searches queue up while the previous batch is written. A batch the database refuses is dropped and logged, never
/// retried: the queue must keep draining.
/// </summary>
public sealed partial class FaqSearchLogWriter(
    FaqSearchLogBuffer queue,
    IServiceScopeFactory scopes,
    IOptions<FaqOptions> options,
    ILogger<FaqSearchLogWriter> logger) : BackgroundService
{
    private long reportedDropped;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<LoggedFaqSearch>(options.Value.SearchLogWriteBatchSize);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < options.Value.SearchLogWriteBatchSize && queue.Reader.TryRead(out var search))
                {
                    batch.Add(ToRow(search));
                }

                await WriteAsync(batch, stoppingToken);
                batch.Clear();
                ReportDropped();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is lost with the process, like any in-memory state.
        }
    }

    private static LoggedFaqSearch ToRow(PendingFaqSearch search)
    {
        var query = TextAnonymiser.Anonymise(search.Query).Text;
        return new LoggedFaqSearch
        {
            NodeId = search.NodeId,
            SearchId = search.SearchId,
            // Placeholders may lengthen a query; a cut placeholder still carries nothing personal.
            Query = query.Length <= LoggedFaqSearch.MaxQueryLength ? query : query[..LoggedFaqSearch.MaxQueryLength],
            NormalisedQuery = FaqQueryNormaliser.Normalise(query),
            // The search path takes any category text (an unknown one finds nothing); the log keeps only real ones.
            CategoryCode = search.CategoryCode is { } category && TaxonomyCatalog.Current.IsCategory(category) ? category : null,
            TotalHits = search.TotalHits,
            At = search.At,
        };
    }

    private async Task WriteAsync(List<LoggedFaqSearch> batch, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            if (db.Database.IsNpgsql())
            {
                await FaqSearchLogCopy.WriteAsync(db, batch, cancellationToken);
            }
            else
            {
                db.FaqSearchLog.AddRange(batch);
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            LogWriteFailed(logger, e, batch.Count);
        }
    }

    private void ReportDropped()
    {
        var dropped = queue.Dropped;
        if (dropped != reportedDropped)
        {
            LogDropped(logger, dropped - reportedDropped, dropped);
            reportedDropped = dropped;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "FAQ search log: {Count} searches could not be written and are not logged")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FAQ search log queue was full: {Dropped} searches answered but not logged ({Total} since start)")]
    private static partial void LogDropped(ILogger logger, long dropped, long total);
}
