using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace LineaHub.Schemas.Faq;

/// <summary>
/// A query on one term that scores as Lucene's <see cref="TermQuery"/> does (the searcher's similarity weighs it
/// from the same statistics and scores each document from its frequency and norm), but reads the postings with
/// an enumerator its segment lends (<see cref="FaqTermLookup.Postings"/>) instead of allocating one, with its block
/// buffers and input clone, for every clause in every segment of every search. The term's state in each segment
/// comes from the lookup, so searching does not seek it again. FAQ searches run it through <see cref="FaqScorer"/>,
/// which reads the same postings; its weight lets Lucene run it too (explanations, and the test that checks the
/// scorer against Lucene's scorers).
/// </summary>
internal sealed class FaqTermQuery(Term term, TermContext states, FaqTermLookup lookup) : Query
{
    public Term Term => term;

    /// <summary>The term's state in each segment of the lookup's reader (none where the segment lacks it).</summary>
    public TermContext States => states;

    public FaqTermLookup Lookup => lookup;

    /// <inheritdoc />
    public override Weight CreateWeight(IndexSearcher searcher)
    {
        // The term's states and the lent enumerators belong to the lookup's reader: the query runs on no other.
        if (states.TopReaderContext != searcher.TopReaderContext)
        {
            throw new InvalidOperationException("A FAQ term query runs only on the reader its lookup was made for.");
        }

        return new TermWeight(this, searcher, states);
    }

    /// <inheritdoc />
    public override void ExtractTerms(ISet<Term> terms) => terms.Add(term);

    /// <inheritdoc />
    public override string ToString(string field)
    {
        var text = string.Equals(term.Field, field, StringComparison.Ordinal) ? term.Text : $"{term.Field}:{term.Text}";
        return Boost == 1f ? text : string.Create(CultureInfo.InvariantCulture, $"{text}^{Boost}");
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) =>
        obj is FaqTermQuery other && other.Boost == Boost && other.Term.Equals(term);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Boost, term);

    private sealed class TermWeight(FaqTermQuery query, IndexSearcher searcher, TermContext states) : Weight
    {
        private readonly Similarity _similarity = searcher.Similarity;

        private readonly Similarity.SimWeight _stats = searcher.Similarity.ComputeWeight(
            query.Boost, searcher.CollectionStatistics(query.Term.Field), searcher.TermStatistics(query.Term, states));

        public override Query Query => query;

        public override float GetValueForNormalization() => _stats.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => _stats.Normalize(norm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            // No state: the term is not in this segment.
            var state = states.Get(context.Ord);
            if (state is null)
            {
                return null;
            }

            // The asker's scope is skipped over by the scorer; the postings only leave out deleted documents.
            var asker = acceptDocs as AskerDocs;
            var postings = query.Lookup.Postings(context, query.Term, state, asker is null ? acceptDocs : asker.Live);
            return new TermScorer(this, postings, _similarity.GetSimScorer(_stats, context), asker);
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            // Explanations are for people, not searches: postings of their own, not the lookup's, which may have ended.
            var state = states.Get(context.Ord);
            if (state is not null)
            {
                var terms = context.AtomicReader.GetTerms(query.Term.Field)!.GetEnumerator();
                terms.SeekExact(query.Term.Bytes, state);
                var postings = terms.Docs(context.AtomicReader.LiveDocs, null);
                if (postings.Advance(doc) == doc)
                {
                    var frequency = new Explanation(postings.Freq, $"termFreq={postings.Freq}");
                    var score = _similarity.GetSimScorer(_stats, context).Explain(doc, frequency);
                    var result = new ComplexExplanation(true, score.Value, $"weight({query} in {doc}) [{_similarity.GetType().Name}], result of:");
                    result.AddDetail(score);
                    return result;
                }
            }

            return new ComplexExplanation(false, 0f, "no matching term");
        }
    }

    // A document's score is the similarity's for its frequency of the term, as Lucene's term scorer computes it.
    // With the asker's scope, a posting outside it sends the postings to the next document in scope: Advance uses
    // the postings' skip list, so a long run of other offices' entries is passed block by block, not posting by posting.
    private sealed class TermScorer(Weight weight, DocsEnum postings, Similarity.SimScorer scorer, AskerDocs? asker) : Scorer(weight)
    {
        private int _doc = -1;

        public override int DocID => _doc;

        public override int Freq => postings.Freq;

        public override float GetScore() => scorer.Score(_doc, postings.Freq);

        public override int NextDoc() => _doc = InScope(postings.NextDoc());

        public override int Advance(int target) => _doc = InScope(postings.Advance(target));

        public override long GetCost() => postings.GetCost();

        private int InScope(int doc) => asker is null ? doc : asker.InScopeFrom(postings, doc);
    }
}
