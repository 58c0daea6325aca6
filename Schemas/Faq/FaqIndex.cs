using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace LineaHub.Schemas.Faq;

/// <summary>
/// The FAQ search index, in memory, as each hub replica and each agent keeps it. Changes are applied by entry
/// version: a change older than what the index holds for that entry (including a deletion) is ignored, so a
/// caller can replay changes from any point and stay current. Searches run concurrently with changes on a
/// near-real-time reader that is refreshed after each change or batch.
/// </summary>
public sealed class FaqIndex : IDisposable
{
    private static readonly FaqSimilarity Similarity = new();

    private readonly ItalianFaqAnalyzer _analyzer = new();
    private readonly RAMDirectory _directory = new();
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly object _writeLock = new();

    // Latest version seen per entry id, deletions included, so that a stale change cannot resurrect an entry.
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);
    // What hits show, per published entry id (so also which entries are searchable); read by searches without the write lock.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, FaqShownEntry> _shown = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string?, string?, string?), Filter> _askerFilters = new();
    private volatile SynonymMatcher _synonyms;
    private long _highestVersion;
    private bool _disposed;

    /// <summary>An empty index using the given synonyms (the default set when null).</summary>
    public FaqIndex(FaqSynonyms? synonyms = null)
    {
        _synonyms = new SynonymMatcher(synonyms ?? FaqSynonyms.Default, _analyzer);
        var config = new IndexWriterConfig(ItalianFaqAnalyzer.Version, _analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = Similarity,
        };
        _writer = new IndexWriter(_directory, config);
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new BM25SearcherFactory());
    }

    /// <summary>Published entries currently searchable (valid or not yet/no longer valid).</summary>
    public int Count
    {
        get
        {
            lock (_writeLock)
            {
                return _shown.Count;
            }
        }
    }

    /// <summary>The highest entry version applied so far: where a delta sync resumes.</summary>
    public long HighestVersion => Interlocked.Read(ref _highestVersion);

    /// <summary>The version the index holds for an entry (deleted ones included), or null if never seen.</summary>
    public long? VersionOf(string id)
    {
        lock (_writeLock)
        {
            return _versions.TryGetValue(id, out var version) ? version : null;
        }
    }

    /// <summary>
    /// Replaces the synonym list; it applies to the next search, without reindexing
    /// (synonyms are expanded at query time).
    /// </summary>
    public void UseSynonyms(FaqSynonyms synonyms)
    {
        ArgumentNullException.ThrowIfNull(synonyms);
        _synonyms = new SynonymMatcher(synonyms, _analyzer);
    }

    /// <summary>
    /// Adds, updates or removes an entry (a non-published entry is removed) if <see cref="FaqEntry.Version"/>
    /// is newer than what the index holds; returns whether it was applied. Searchable on return.
    /// </summary>
    public bool Apply(FaqEntry entry)
    {
        bool applied;
        lock (_writeLock)
        {
            applied = ApplyLocked(entry);
        }

        if (applied)
        {
            _searchers.MaybeRefreshBlocking();
        }

        return applied;
    }

    /// <summary>Applies changes in order (see <see cref="Apply(FaqEntry)"/>) with one refresh; returns how many applied.</summary>
    public int ApplyAll(IEnumerable<FaqEntry> entries)
    {
        var applied = Load(entries);
        if (applied > 0)
        {
            _searchers.MaybeRefreshBlocking();
        }

        return applied;
    }

    /// <summary>
    /// Applies changes as <see cref="ApplyAll"/> does but leaves them unsearchable until the next refresh
    /// (<see cref="Compact"/>, or any change applied afterwards): for loading a whole network chunk by chunk before the
    /// first search, without a reader and its segment vocabularies for every chunk. Returns how many applied.
    /// </summary>
    public int Load(IEnumerable<FaqEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var applied = 0;
        lock (_writeLock)
        {
            foreach (var entry in entries)
            {
                applied += ApplyLocked(entry) ? 1 : 0;
            }
        }

        return applied;
    }

    /// <summary>
    /// Removes an entry deleted at <paramref name="version"/>; ignored (false) if the index already holds that
    /// version or a newer one. Remembers the deletion so an older change cannot bring the entry back.
    /// </summary>
    public bool Delete(string id, long version)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        lock (_writeLock)
        {
            if (!IsNewer(id, version))
            {
                return false;
            }

            Remember(id, version);
            _writer.DeleteDocuments(new Term(FaqFields.Id, id));
            _shown.TryRemove(id, out _);
        }

        _searchers.MaybeRefreshBlocking();
        return true;
    }

    /// <summary>
    /// Replaces the whole content with these entries (e.g. at start, from the database). Searches keep seeing
    /// the previous content until the new one is complete. The entries are indexed grouped by scope
    /// (<see cref="FaqDocuments.ScopeOrder"/>), so that a search skips the other offices' entries in long runs.
    /// </summary>
    public void Rebuild(IEnumerable<FaqEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (_writeLock)
        {
            _writer.DeleteAll();
            _versions.Clear();
            Interlocked.Exchange(ref _highestVersion, 0);
            foreach (var entry in FaqDocuments.ScopeOrder(entries))
            {
                ApplyLocked(entry);
            }

            // One segment: each term is looked up once per search instead of once per segment, and its postings
            // are one list that the scorers skip along.
            _writer.ForceMerge(1);

            // Searches on the previous reader may still show entries the new content lacks until the refresh; after
            // it, what the new content did not mention at all goes (what it withdrew went as it was applied).
            _searchers.MaybeRefreshBlocking();
            foreach (var id in _shown.Keys.Where(id => !_versions.ContainsKey(id)).ToList())
            {
                _shown.TryRemove(id, out _);
            }
        }
    }

    /// <summary>
    /// Merges the index into one segment and makes it searchable, after a whole network's entries were loaded (the
    /// hub's start-up build: <see cref="Load"/> in <see cref="FaqDocuments.ScopeOrder"/>): a search then looks each
    /// term up once instead of once per segment. Changes applied afterwards go to new, small segments, which Lucene
    /// merges as usual.
    /// </summary>
    public void Compact()
    {
        lock (_writeLock)
        {
            _writer.ForceMerge(1);
        }

        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>
    /// Searches the entries that apply to the asker (network, the asker's region, the asker's entity), valid at
    /// <see cref="FaqSearchRequest.Now"/>, optionally in one category and its subcategories.
    /// Throws <see cref="FaqQueryException"/> for blank or over-long text; never for Lucene syntax.
    /// </summary>
    public FaqSearchResult Search(FaqSearchRequest request)
    {
        FaqQueryRules.Validate(request);
        var searcher = _searchers.Acquire();
        try
        {
            // The lookup lends the search its enumerators and takes them back when it is disposed, after the search.
            using var lookup = new FaqTermLookup(searcher.IndexReader);
            var plan = FaqQueryBuilder.Build(request.Query, _analyzer, _synonyms, lookup);
            if (plan is null)
            {
                return new FaqSearchResult([], 0);
            }

            // Scope and category as a cached filter; entries not valid now excluded.
            var top = FaqScorer.Search(
                searcher, lookup, plan.Query, FaqFilters.Cached(request, _askerFilters), FaqFilters.Invalid(request.Now), request.Limit);
            var leaves = searcher.IndexReader.Leaves;
            var hits = new List<FaqHit>(top.ScoreDocs.Length);
            foreach (var scoreDoc in top.ScoreDocs)
            {
                var leaf = leaves[ReaderUtil.SubIndex(scoreDoc.Doc, leaves)];
                var id = FaqSegment.Of(leaf.AtomicReader).IdOf(scoreDoc.Doc - leaf.DocBase);

                // An entry withdrawn while this search ran (its document still in this reader) is not shown.
                if (_shown.TryGetValue(id, out var shown))
                {
                    hits.Add(new FaqHit(
                        id,
                        scoreDoc.Score,
                        shown.Question,
                        FaqSnippet.Build(shown.PlainAnswer, plan.MatchTerms, FaqScoring.SnippetLength),
                        shown.CategoryCode,
                        shown.Version));
                }
            }

            return new FaqSearchResult(hits, top.TotalHits);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    private bool ApplyLocked(FaqEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.Id);
        if (!IsNewer(entry.Id, entry.Version))
        {
            return false;
        }

        Remember(entry.Id, entry.Version);
        var idTerm = new Term(FaqFields.Id, entry.Id);
        if (entry.Status == FaqStatus.Published)
        {
            var shown = FaqShownEntry.From(entry);
            _writer.UpdateDocument(idTerm, FaqDocuments.From(entry, shown.PlainAnswer));
            _shown[entry.Id] = shown;
        }
        else
        {
            _writer.DeleteDocuments(idTerm);
            _shown.TryRemove(entry.Id, out _);
        }

        return true;
    }

    private bool IsNewer(string id, long version) =>
        !_versions.TryGetValue(id, out var known) || version > known;

    private void Remember(string id, long version)
    {
        _versions[id] = version;
        if (version > _highestVersion)
        {
            Interlocked.Exchange(ref _highestVersion, version);
        }
    }

    private sealed class BM25SearcherFactory : SearcherFactory
    {
        // Each new segment's vocabulary is built here, on the thread that refreshes after a change, not by a search.
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            FaqSegment.Warm(reader);
            return new IndexSearcher(reader) { Similarity = Similarity };
        }
    }
}
