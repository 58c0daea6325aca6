using LineaHub.NodeAgent.Storage;
using LineaHub.Schemas.Faq;

namespace LineaHub.NodeAgent.Faq;

/// <summary>
/// The office's offline copy of the FAQ that applies to it: the entries in the agent's database and the same search index
/// the hub runs (<see cref="FaqIndex"/>) in memory, built from the database before the first search, so an agent that
/// restarts while the hub is down searches at once. Each page of changes is stored in one transaction and then applied to
/// the index; a crash between the two only means the index is built again from the database at the next start.
/// </summary>
public sealed partial class FaqReplica(AgentDatabase database, FaqReplicaStore store, TimeProvider clock, ILogger<FaqReplica> logger) : IDisposable
{
    private readonly FaqIndex _index = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile FaqReplicaState _state = FaqReplicaState.Empty;
    private volatile bool _loaded;

    /// <summary>Where the replica stands (as of the last page applied in this process, or the database once loaded).</summary>
    public FaqReplicaState State => _state;

    /// <summary>Published entries in the index.</summary>
    public int Count => _index.Count;

    /// <summary>Builds the index from the database the first time it is called; later calls return at once.</summary>
    public async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_loaded)
            {
                return;
            }

            var (state, entries, synonyms) = await database.ReadAsync(
                async transaction => (
                    await store.ReadStateAsync(transaction, cancellationToken),
                    await store.ListEntriesAsync(transaction, cancellationToken),
                    await store.ReadSynonymsAsync(transaction, cancellationToken)),
                cancellationToken);
            _index.Rebuild(entries);
            if (synonyms is not null && Parse(synonyms) is { } parsed)
            {
                _index.UseSynonyms(parsed);
            }

            _state = state;
            _loaded = true;
            LogLoaded(logger, _index.Count, state.AppliedVersion);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Applies one page of the hub's changes feed: to the database in one transaction, then to the index. Returns the entries that changed the index.</summary>
    public async Task<int> ApplyAsync(FaqChangesPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        await EnsureLoadedAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var current = _state;
            FaqSynonymsView? synonymsView = null;
            FaqSynonyms? synonyms = null;
            if (page.Synonyms is { } list && Parse(list.Text) is { } parsed)
            {
                (synonymsView, synonyms) = (list, parsed);
            }

            var next = new FaqReplicaState(
                Math.Max(current.AppliedVersion, page.NextAfter),
                synonymsView?.Version ?? current.SynonymsVersion,
                page.RegionCode,
                page.EntityCode,
                clock.GetUtcNow());
            await database.WriteAsync(
                async transaction =>
                {
                    foreach (var entry in page.Entries)
                    {
                        await store.ApplyAsync(transaction, entry, cancellationToken);
                    }

                    await store.SaveStateAsync(transaction, next, synonymsView, cancellationToken);
                    return 0;
                },
                cancellationToken);
            var applied = _index.ApplyAll(page.Entries);
            if (synonyms is not null)
            {
                _index.UseSynonyms(synonyms);
            }

            _state = next;
            return applied;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Searches the replica (the caller gives the office's codes and the instant validity is checked at).</summary>
    public FaqSearchResult Search(FaqSearchRequest request) => _index.Search(request);

    /// <summary>One replicated entry, or null if the replica does not hold it.</summary>
    public Task<FaqEntry?> FindAsync(string id, CancellationToken cancellationToken) =>
        database.ReadAsync(transaction => store.FindAsync(transaction, id, cancellationToken), cancellationToken);

    public void Dispose()
    {
        _index.Dispose();
        _gate.Dispose();
    }

    private FaqSynonyms? Parse(string text)
    {
        try
        {
            return FaqSynonyms.Parse(text);
        }
        catch (FormatException exception)
        {
            // The hub checks the list when an editor saves it; a list that does not parse here (an older agent) keeps the previous one.
            LogSynonymsRefused(logger, exception.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "FAQ replica loaded: {Count} entries, version {Version}")]
    private static partial void LogLoaded(ILogger logger, int count, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FAQ synonym list from the hub not used: {Reason}")]
    private static partial void LogSynonymsRefused(ILogger logger, string reason);
}
