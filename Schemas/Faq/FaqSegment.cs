using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace LineaHub.Schemas.Faq;

/// <summary>
/// What searches need of one index segment, built once per segment (segments never change; deletions do not
/// matter here) when a refreshed searcher first sees it, and kept as long as the segment lives:
/// <list type="bullet">
/// <item>the terms of each searched field, grouped by first character and length: what typo tolerance looks a
/// mistyped word up in, comparing it with the few terms of the same first letter and a close length instead of
/// running Levenshtein automata over the term dictionary;</item>
/// <item>the state of each term of each searched field in the term dictionary (where its postings start, how many
/// documents hold it), so a search looks a term up in a hash table instead of seeking it in the dictionary's blocks;</item>
/// <item>the entry id of each document, so a hit is turned into its entry without reading stored fields (which
/// the index does not keep: <see cref="FaqIndex"/> holds the texts a hit shows).</item>
/// </list>
/// </summary>
internal sealed class FaqSegment
{
    private static readonly ConditionalWeakTable<object, FaqSegment> Segments = new();

    // Most idle enumerators a segment keeps: a search borrows a postings enumerator per term clause (long queries
    // have some 60) and a terms enumerator per field; more than searches running at once would only hold memory.
    private const int PooledPostings = 64;

    private readonly Dictionary<(string Field, char First, int Length), TermGroup> _terms;
    private readonly Dictionary<string, TermEntry>[] _states;
    private readonly string?[] _ids;
    private readonly Pool<TermsEnum>[] _termsEnums = [.. FaqFields.Searched.Select(_ => new Pool<TermsEnum>(Environment.ProcessorCount))];
    private readonly Pool<DocsEnum> _postings = new(PooledPostings);

    private FaqSegment(
        Dictionary<(string Field, char First, int Length), TermGroup> terms, Dictionary<string, TermEntry>[] states, string?[] ids)
    {
        _terms = terms;
        _states = states;
        _ids = ids;
    }

    /// <summary>What searches need of a segment, built on first use.</summary>
    public static FaqSegment Of(AtomicReader segment) =>
        Segments.TryGetValue(segment.CoreCacheKey, out var built) ? built : BuildOnce(segment);

    /// <summary>Builds what every segment of <paramref name="reader"/> needs that has nothing yet.</summary>
    public static void Warm(IndexReader reader)
    {
        foreach (var leaf in reader.Leaves)
        {
            Of(leaf.AtomicReader);
        }
    }

    /// <summary>
    /// Terms of <paramref name="field"/> that start with <paramref name="first"/> and have <paramref name="length"/>
    /// characters, with the <see cref="FaqTypos.Letters"/> of each.
    /// </summary>
    public TermGroup Terms(string field, char first, int length) =>
        _terms.TryGetValue((field, first, length), out var terms) ? terms : TermGroup.Empty;

    /// <summary>
    /// The dictionary state of <paramref name="text"/> in a searched field, with its document and total frequencies
    /// (what <see cref="TermsEnum.SeekExact(BytesRef)"/> would find); false when the segment lacks the term.
    /// </summary>
    public bool TryGetTerm(string field, string text, out TermEntry entry) =>
        _states[SearchedIndex(field)].TryGetValue(text, out entry);

    /// <summary>
    /// A terms enumerator of a searched field (null when the segment has no such field), borrowed until
    /// <see cref="GiveBack(string, TermsEnum)"/>: enumerators are reused from search to search (they seek from any
    /// position), rather than one made per search with its frames and buffers.
    /// </summary>
    public TermsEnum? BorrowTerms(AtomicReader segment, string field) =>
        _termsEnums[SearchedIndex(field)].Take() ?? segment.GetTerms(field)?.GetEnumerator();

    /// <summary>Takes back a terms enumerator of <paramref name="field"/> borrowed from this segment.</summary>
    public void GiveBack(string field, TermsEnum terms) => _termsEnums[SearchedIndex(field)].Put(terms);

    /// <summary>
    /// A postings enumerator to hand to <see cref="TermsEnum.Docs(IBits, DocsEnum)"/> for reuse (null when none is
    /// idle), borrowed until <see cref="GiveBack(DocsEnum)"/>: the codec resets it for the new term, so a search
    /// no longer allocates one (with its block buffers) for every term clause.
    /// </summary>
    public DocsEnum? BorrowPostings() => _postings.Take();

    /// <summary>Takes back a postings enumerator of this segment once its search has ended.</summary>
    public void GiveBack(DocsEnum postings) => _postings.Put(postings);

    /// <summary>The entry id of the segment's document <paramref name="doc"/>.</summary>
    public string IdOf(int doc) => _ids[doc] ?? throw new InvalidOperationException($"Document {doc} of the FAQ index has no id.");

    private static int SearchedIndex(string field)
    {
        for (var i = 0; i < FaqFields.Searched.Length; i++)
        {
            if (string.Equals(FaqFields.Searched[i].Field, field, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(field), field, "Not a searched field.");
    }

    // Apart from Of, so that its lambda is not allocated on every look-up.
    private static FaqSegment BuildOnce(AtomicReader segment) => Segments.GetValue(segment.CoreCacheKey, _ => Build(segment));

    private static FaqSegment Build(AtomicReader segment)
    {
        var states = FaqFields.Searched.Select(_ => new Dictionary<string, TermEntry>(StringComparer.Ordinal)).ToArray();
        return new(Vocabulary(segment, states), states, Ids(segment));
    }

    private static string?[] Ids(AtomicReader segment)
    {
        // Deleted documents are included: they are never hits, and skipping them would cost a check per document.
        var ids = new string?[segment.MaxDoc];
        var terms = segment.GetTerms(FaqFields.Id);
        if (terms is null)
        {
            return ids;
        }

        var enumerator = terms.GetEnumerator();
        DocsEnum? docs = null;
        while (enumerator.MoveNext())
        {
            var id = enumerator.Term.Utf8ToString();
            docs = enumerator.Docs(null, docs, DocsFlags.NONE);
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                ids[doc] = id;
            }
        }

        return ids;
    }

    // The terms of each searched field grouped for typo tolerance; their dictionary states go into states (per field).
    private static Dictionary<(string Field, char First, int Length), TermGroup> Vocabulary(
        AtomicReader segment, Dictionary<string, TermEntry>[] states)
    {
        var groups = new Dictionary<(string, char, int), List<string>>();
        for (var f = 0; f < FaqFields.Searched.Length; f++)
        {
            var field = FaqFields.Searched[f].Field;
            var terms = segment.GetTerms(field);
            if (terms is null)
            {
                continue;
            }

            var enumerator = terms.GetEnumerator();
            while (enumerator.MoveNext())
            {
                var term = enumerator.Term.Utf8ToString();
                states[f][term] = new TermEntry(enumerator.GetTermState(), enumerator.DocFreq, enumerator.TotalTermFreq);
                if (term.Length == 0)
                {
                    continue;
                }

                var key = (field, term[0], term.Length);
                if (!groups.TryGetValue(key, out var group))
                {
                    group = [];
                    groups[key] = group;
                }

                group.Add(term);
            }
        }

        return groups.ToDictionary(g => g.Key, g => new TermGroup([.. g.Value], [.. g.Value.Select(FaqTypos.Letters)]));
    }

    /// <summary>A term's state in the segment's dictionary (shared by searches, never changed) and its frequencies.</summary>
    internal readonly record struct TermEntry(TermState State, int DocFreq, long TotalTermFreq);

    /// <summary>Terms of the same field, first character and length, and the letters of each, in the same order.</summary>
    internal sealed record TermGroup(string[] Terms, ulong[] Letters)
    {
        public static readonly TermGroup Empty = new([], []);
    }

    // Idle objects, at most a fixed number; searches on several threads take and put them.
    private sealed class Pool<T>(int capacity)
        where T : class
    {
        private readonly T?[] _items = new T?[capacity];
        private int _count;

        public T? Take()
        {
            lock (_items)
            {
                if (_count == 0)
                {
                    return null;
                }

                var item = _items[--_count];
                _items[_count] = null;
                return item;
            }
        }

        public void Put(T item)
        {
            lock (_items)
            {
                if (_count < _items.Length)
                {
                    _items[_count++] = item;
                }
            }
        }
    }
}
