using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace LineaHub.Schemas.Faq;

/// <summary>What applies to an asker: scope (network, own region, own entity), validity at now, category.</summary>
internal static class FaqFilters
{
    /// <summary>
    /// The part of the filter that depends only on who asks (scope and category), cached per asker: its bit sets
    /// are kept per index segment and dropped with the segment, so changes to the index need no invalidation.
    /// </summary>
    public static Filter Cached(FaqSearchRequest request, System.Collections.Concurrent.ConcurrentDictionary<(string?, string?, string?), Filter> cache)
    {
        var key = (request.RegionCode, request.EntityCode, request.CategoryCode);
        if (!cache.TryGetValue(key, out var filter))
        {
            if (cache.Count > MaxCachedAskers)
            {
                cache.Clear();
            }

            filter = cache.GetOrAdd(key, _ => new BitSetCachingFilter(new QueryWrapperFilter(AskerPart(request))));
        }

        return filter;
    }

    /// <summary>
    /// The entries not valid at <paramref name="now"/>: not yet started, or already ended. Not cacheable (now
    /// changes) but cheap: only dated entries index a date, so these ranges cover a few documents, where a range
    /// of the valid ones would build a bit set over the whole index on every search.
    /// </summary>
    public static IEnumerable<Query> Invalid(DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        yield return NumericRangeQuery.NewInt64Range(FaqFields.ValidFrom, ticks, null, false, true);
        yield return NumericRangeQuery.NewInt64Range(FaqFields.ValidTo, null, ticks, true, true);
    }

    private const int MaxCachedAskers = 10_000;

    public static Query AskerPart(FaqSearchRequest request)
    {
        var scope = new BooleanQuery
        {
            { new TermQuery(new Term(FaqFields.Scope, FaqDocuments.ScopeCode(FaqScope.Network))), Occur.SHOULD },
        };
        if (!string.IsNullOrEmpty(request.RegionCode))
        {
            scope.Add(Both(FaqScope.Regional, FaqFields.Region, request.RegionCode), Occur.SHOULD);
        }

        if (!string.IsNullOrEmpty(request.EntityCode))
        {
            scope.Add(Both(FaqScope.Local, FaqFields.Entity, request.EntityCode), Occur.SHOULD);
        }

        var filter = new BooleanQuery { { scope, Occur.MUST } };
        if (!string.IsNullOrEmpty(request.CategoryCode))
        {
            filter.Add(new TermQuery(new Term(FaqFields.CategoryPath, request.CategoryCode)), Occur.MUST);
        }

        return filter;
    }

    private static BooleanQuery Both(FaqScope scope, string field, string code) => new()
    {
        { new TermQuery(new Term(FaqFields.Scope, FaqDocuments.ScopeCode(scope))), Occur.MUST },
        { new TermQuery(new Term(field, code)), Occur.MUST },
    };

    // Lucene's CachingWrapperFilter keeps a compressed set that can only be iterated: a search would walk every
    // matching document of every term and leap-frog the filter. A bit set can be asked "is this document in?", so
    // the term scorers (FaqScorer's, and FaqTermQuery's under Lucene's FilteredQuery) take it as the documents they
    // may accept (AskerDocs) and skip those outside the asker's scope (most of a large index) before any scoring.
    // One bit per document and asker.
    private sealed class BitSetCachingFilter(Filter filter) : CachingWrapperFilter(filter)
    {
        public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs) =>
            base.GetDocIdSet(context, null) is FixedBitSet asker ? new AskerDocs(asker, acceptDocs) : null;

        protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
        {
            var bits = new FixedBitSet(reader.MaxDoc);
            bits.Or(iterator);
            return bits;
        }
    }
}

/// <summary>
/// The documents of one index segment a search may return: those in the asker's scope (a bit set cached per
/// segment) that are not deleted. A term scorer that knows this type reads its postings with <see cref="Live"/>
/// only and jumps over the documents outside the scope with <see cref="InScopeFrom"/>: when documents are grouped
/// by scope (<see cref="FaqIndex.Rebuild"/>, the hub's start-up build), a jump passes whole blocks of postings
/// without decoding them.
/// </summary>
internal sealed class AskerDocs(FixedBitSet scope, IBits? live) : DocIdSet, IBits
{
    /// <summary>The segment's live documents, or null when it has no deletions.</summary>
    public IBits? Live => live;

    /// <inheritdoc />
    public override IBits Bits => this;

    /// <inheritdoc />
    public int Length => scope.Length;

    /// <summary>
    /// <paramref name="doc"/>, the posting <paramref name="postings"/> is on, if it is in the asker's scope; otherwise
    /// the postings advanced (over their skip list) to their first document in scope after it, or NO_MORE_DOCS.
    /// </summary>
    public int InScopeFrom(DocsEnum postings, int doc)
    {
        while (doc != DocIdSetIterator.NO_MORE_DOCS && !scope.Get(doc))
        {
            var next = doc + 1 < scope.Length ? scope.NextSetBit(doc + 1) : -1;
            doc = next < 0 ? DocIdSetIterator.NO_MORE_DOCS : postings.Advance(next);
        }

        return doc;
    }

    /// <inheritdoc />
    public bool Get(int index) => scope.Get(index) && (live is null || live.Get(index));

    /// <inheritdoc />
    public override DocIdSetIterator GetIterator() =>
        live is null ? scope.GetIterator() : new BitsFilteredDocIdSet(scope, live).GetIterator();
}
