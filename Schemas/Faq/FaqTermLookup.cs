using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace LineaHub.Schemas.Faq;

/// <summary>
/// The index terms one search looks at, each looked up once in the reader it will run on: the
/// <see cref="TermContext"/> says whether the term exists (a clause on a missing term is left out: it could
/// never match and would cost a dictionary seek per segment), how rare it is (which concepts of a long query are
/// kept), and is handed to the term query so that searching does not seek the term again.
/// A clause on a term that more than half the documents hold in that field (and at least
/// <see cref="FaqScoring.CommonTermMinDocs"/>) can be left out too (<see cref="LeaveOutCommon"/>): its IDF is under
/// ln 2, it barely tells entries apart, and its posting list is the longest of the query ("comune" in the answers
/// of a town's FAQ). In a small index half the documents are a few entries whose order still matters.
/// The enumerators it reads terms and postings with are borrowed from each segment (<see cref="FaqSegment"/>) and
/// given back on <see cref="Dispose"/>, once the search has ended.
/// </summary>
internal sealed class FaqTermLookup(IndexReader reader) : IDisposable
{
    private readonly Dictionary<(string Field, string Text), TermContext> _terms = [];
    private readonly Dictionary<(int Leaf, string Field), TermsEnum?> _enumerators = [];
    private readonly List<(FaqSegment Segment, DocsEnum Postings)> _postings = [];
    private readonly int _maxDoc = Math.Max(1, reader.MaxDoc);

    /// <summary>The reader the search runs on.</summary>
    public IndexReader Reader => reader;

    /// <summary>Whether <see cref="Term"/> leaves out clauses on common terms.</summary>
    public bool LeaveOutCommon { get; set; }

    /// <summary>Whether a searched field holds <paramref name="text"/> in at most half of the documents.</summary>
    public bool Uncommon(string text)
    {
        foreach (var (field, _) in FaqFields.Searched)
        {
            var docFreq = Context(field, text).DocFreq;
            if (docFreq > 0 && !Common(docFreq))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether any searched field holds <paramref name="text"/>.</summary>
    public bool Known(string text)
    {
        foreach (var (field, _) in FaqFields.Searched)
        {
            if (Context(field, text).DocFreq > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A query on the term weighted <paramref name="boost"/>, with the most it can add to an entry's score before
    /// length and frequency normalisation (boost × BM25 IDF); null when no document has the term, or when it is
    /// common and left out.
    /// </summary>
    public (Query Query, float Weight)? Term(string field, string text, float boost)
    {
        var context = Context(field, text);
        if (context.DocFreq == 0 || (LeaveOutCommon && Common(context.DocFreq)))
        {
            return null;
        }

        var query = new FaqTermQuery(new Term(field, text), context, this) { Boost = boost };
        return (query, boost * Idf(context.DocFreq));
    }

    /// <summary>
    /// The postings of a term in one segment, positioned by its state there, read with a postings enumerator the
    /// segment lends until <see cref="Dispose"/>.
    /// </summary>
    public DocsEnum Postings(AtomicReaderContext leaf, Term term, TermState state, IBits? acceptDocs)
    {
        var enumerator = Enumerator(leaf, term.Field)
            ?? throw new InvalidOperationException($"The FAQ index segment {leaf.Ord} has a state but no terms for {term.Field}.");
        enumerator.SeekExact(term.Bytes, state);
        var segment = FaqSegment.Of(leaf.AtomicReader);
        var postings = enumerator.Docs(acceptDocs, segment.BorrowPostings());
        _postings.Add((segment, postings));
        return postings;
    }

    /// <summary>Gives the borrowed enumerators back to their segments: the search that used them has ended.</summary>
    public void Dispose()
    {
        foreach (var ((leaf, field), enumerator) in _enumerators)
        {
            if (enumerator is not null)
            {
                FaqSegment.Of(reader.Leaves[leaf].AtomicReader).GiveBack(field, enumerator);
            }
        }

        foreach (var (segment, postings) in _postings)
        {
            segment.GiveBack(postings);
        }

        _enumerators.Clear();
        _postings.Clear();
    }

    private bool Common(int docFreq) => docFreq > _maxDoc / 2 && docFreq >= FaqScoring.CommonTermMinDocs;

    // BM25's IDF (as BM25Similarity computes it), over the whole index rather than one field's documents.
    private float Idf(int docFreq) => (float)Math.Log(1 + ((_maxDoc - docFreq + 0.5) / (docFreq + 0.5)));

    // What TermContext.Build does, from the states each segment keeps of its terms (FaqSegment) instead of seeking
    // every term in every segment's dictionary.
    private TermContext Context(string field, string text)
    {
        if (_terms.TryGetValue((field, text), out var context))
        {
            return context;
        }

        var top = reader.Context;
        context = new TermContext(top);
        foreach (var leaf in top.Leaves)
        {
            if (FaqSegment.Of(leaf.AtomicReader).TryGetTerm(field, text, out var term))
            {
                context.Register(term.State, leaf.Ord, term.DocFreq, term.TotalTermFreq);
            }
        }

        _terms[(field, text)] = context;
        return context;
    }

    private TermsEnum? Enumerator(AtomicReaderContext leaf, string field)
    {
        if (!_enumerators.TryGetValue((leaf.Ord, field), out var enumerator))
        {
            enumerator = FaqSegment.Of(leaf.AtomicReader).BorrowTerms(leaf.AtomicReader, field);
            _enumerators[(leaf.Ord, field)] = enumerator;
        }

        return enumerator;
    }
}
