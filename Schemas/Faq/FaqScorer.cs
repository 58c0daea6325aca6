using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace LineaHub.Schemas.Faq;

/// <summary>
/// Runs a query made by <see cref="FaqQueryBuilder"/> term at a time: each term's postings in the asker's scope are
/// read and scored into an array in one pass, and each level of the query (best field of a word, best of a concept,
/// sum of concepts, all words of a synonym phrase) combines its parts' arrays by merging them. The score of every
/// document is the one Lucene's scorers give it (the same similarity, boosts applied in the same order, the same
/// combining formulas; within a best-of, parts are added in query order rather than the order of Lucene's heap,
/// which can move the last bit of the tie-breaking share), and so are the top hits and the total. What goes is
/// Lucene's document-at-a-time machinery: a heap of scorers per query level, a virtual call per scorer and document
/// to position, compare and score, which was about half of a long description's time at 100,000 entries.
/// Understands term queries (<see cref="FaqTermQuery"/>), best-of (<see cref="DisjunctionMaxQuery"/>) and
/// Boolean queries without coordination whose clauses are all optional or all required: what the builder makes.
/// </summary>
internal static class FaqScorer
{
    /// <summary>
    /// The top <paramref name="limit"/> documents of <paramref name="query"/> (ties in document order) among those in
    /// <paramref name="asker"/>'s scope that no query of <paramref name="excluded"/> matches, and how many matched.
    /// </summary>
    public static TopDocs Search(
        IndexSearcher searcher, FaqTermLookup lookup, Query query, Filter asker, IEnumerable<Query> excluded, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var similarity = searcher.Similarity as FaqSimilarity
            ?? throw new InvalidOperationException("The FAQ scorer scores with FaqSimilarity, the FAQ index's similarity.");
        var root = Compile(new Weights(searcher, similarity), query, 1f);
        var exclusions = excluded.Select(searcher.CreateNormalizedWeight).ToArray();
        var top = new TopHits(limit);
        var total = 0;
        foreach (var context in searcher.IndexReader.Leaves)
        {
            if (asker.GetDocIdSet(context, context.AtomicReader.LiveDocs) is not AskerDocs scope)
            {
                continue;
            }

            var run = root.Score(new Leaf(context, scope, lookup));
            try
            {
                total += Collect(run, context.DocBase, exclusions.Select(w => w.GetScorer(context, scope)).ToArray(), top);
            }
            finally
            {
                run.Return();
            }
        }

        return top.ToTopDocs(total);
    }

    // Offers each document of the run not matched by an exclusion to the top hits; returns how many were offered.
    private static int Collect(Run run, int docBase, Scorer?[] exclusions, TopHits top)
    {
        var offered = 0;
        for (var i = 0; i < run.Count; i++)
        {
            var doc = run.Docs[i];
            if (IsExcluded(doc, exclusions))
            {
                continue;
            }

            offered++;
            top.Offer(docBase + doc, run.Scores[i]);
        }

        return offered;
    }

    private static bool IsExcluded(int doc, Scorer?[] exclusions)
    {
        foreach (var exclusion in exclusions)
        {
            if (exclusion is not null && (exclusion.DocID < doc ? exclusion.Advance(doc) : exclusion.DocID) == doc)
            {
                return true;
            }
        }

        return false;
    }

    // The query's tree with each term's weight fixed as Lucene fixes it, without changing the query. Lucene first
    // rewrites a best-of or Boolean query of one clause into that clause with the product of their boosts (innermost
    // first); then it multiplies the boosts of the enclosing queries from the top down and gives the product to each
    // term's weight: IDF times the term query's boost times that product (BM25 ignores the query norm). Lucene's rewrite
    // sets the boost on the clause itself when that clause was itself a rewrite's result, so the same query rewritten
    // twice would score otherwise; hence the fold here rather than searcher.Rewrite.
    private static Node Compile(Weights weights, Query query, float enclosing)
    {
        var boost = Unwrap(query, out var inner);
        switch (inner)
        {
            case FaqTermQuery term:
                return new TermNode(term, weights.Factor(term, boost, enclosing), weights.LengthTable(term.Term.Field), weights.NoNorms);
            case DisjunctionMaxQuery best:
                return new BestOfNode([.. best.Disjuncts.Select(d => Compile(weights, d, enclosing * boost))], best.TieBreakerMultiplier);
            case BooleanQuery boolean when boolean.CoordDisabled && boolean.MinimumNumberShouldMatch == 0:
                var parts = boolean.Clauses.Select(c => Compile(weights, c.Query, enclosing * boost)).ToArray();
                if (boolean.Clauses.All(c => c.Occur == Occur.SHOULD))
                {
                    return new SumNode(parts);
                }

                if (boolean.Clauses.All(c => c.Occur == Occur.MUST))
                {
                    return new AllNode(parts);
                }

                break;
        }

        throw new NotSupportedException($"The FAQ scorer does not run this query: {query}");
    }

    // The query a chain of one-clause queries comes down to, and the boost Lucene's rewrite would give it.
    private static float Unwrap(Query query, out Query inner)
    {
        switch (query)
        {
            case DisjunctionMaxQuery { Disjuncts.Count: 1 } single:
                return single.Boost * Unwrap(single.Disjuncts[0], out inner);
            case BooleanQuery { Clauses.Count: 1, MinimumNumberShouldMatch: 0 } single when !single.Clauses[0].IsProhibited:
                return single.Boost * Unwrap(single.Clauses[0].Query, out inner);
            default:
                inner = query;
                return query.Boost;
        }
    }

    // The BM25 parts of one search: each field's statistics and length table computed once, not once per term.
    private sealed class Weights(IndexSearcher searcher, FaqSimilarity similarity)
    {
        private readonly Dictionary<string, (CollectionStatistics Statistics, float[] Lengths)> _fields = new(StringComparer.Ordinal);

        public float Factor(FaqTermQuery term, float boost, float enclosing) =>
            similarity.TermFactor(term.States.DocFreq, Field(term.Term.Field).Statistics.MaxDoc, boost, enclosing);

        public float[] LengthTable(string field) => Field(field).Lengths;

        public float NoNorms => similarity.NoNorms;

        private (CollectionStatistics Statistics, float[] Lengths) Field(string field)
        {
            if (!_fields.TryGetValue(field, out var entry))
            {
                var statistics = searcher.CollectionStatistics(field);
                entry = (statistics, similarity.LengthTable(statistics));
                _fields[field] = entry;
            }

            return entry;
        }
    }

    private readonly record struct Leaf(AtomicReaderContext Context, AskerDocs Scope, FaqTermLookup Lookup);

    // Documents in ascending order with their scores, in pooled arrays; Cost is what Lucene's scorer for the same part
    // would report (the postings it reads), which orders the parts of a conjunction as Lucene orders them.
    private readonly struct Run(int[] docs, float[] scores, int count, long cost)
    {
        public static readonly Run Empty = new([], [], 0, 0);

        public int[] Docs => docs;

        public float[] Scores => scores;

        public int Count => count;

        public long Cost => cost;

        public static Run Rent(long capacity, long cost)
        {
            var size = (int)Math.Max(1, capacity);
            return new Run(ArrayPool<int>.Shared.Rent(size), ArrayPool<float>.Shared.Rent(size), 0, cost);
        }

        public Run WithCount(int newCount) => new(docs, scores, newCount, cost);

        public void Return()
        {
            if (docs.Length > 0)
            {
                ArrayPool<int>.Shared.Return(docs);
                ArrayPool<float>.Shared.Return(scores);
            }
        }
    }

    private abstract class Node
    {
        public abstract Run Score(Leaf leaf);
    }

    // One term's postings in the asker's scope, each scored as Lucene's BM25 scorer scores it: the term's factor times
    // the frequency over the frequency plus the length part for the document's norm. A posting outside the scope sends
    // the postings to the next document in it over their skip list (AskerDocs.InScopeFrom, as for FaqTermQuery's scorer).
    private sealed class TermNode(FaqTermQuery query, float factor, float[] lengths, float noNorms) : Node
    {
        public override Run Score(Leaf leaf)
        {
            var state = query.States.Get(leaf.Context.Ord);
            if (state is null)
            {
                return Run.Empty;
            }

            var postings = leaf.Lookup.Postings(leaf.Context, query.Term, state, leaf.Scope.Live);
            var norms = leaf.Context.AtomicReader.GetNormValues(query.Term.Field);
            var cost = postings.GetCost();
            var run = Run.Rent(Math.Min(cost, leaf.Context.AtomicReader.MaxDoc), cost);
            var docs = run.Docs;
            var scores = run.Scores;
            var scope = leaf.Scope;
            var count = 0;
            for (var doc = scope.InScopeFrom(postings, postings.NextDoc());
                 doc != DocIdSetIterator.NO_MORE_DOCS;
                 doc = scope.InScopeFrom(postings, postings.NextDoc()))
            {
                float frequency = postings.Freq;
                var length = norms is null ? noNorms : lengths[(byte)norms.Get(doc)];
                docs[count] = doc;
                scores[count++] = factor * frequency / (frequency + length);
            }

            return run.WithCount(count);
        }
    }

    // Parts whose runs are merged document by document. Where only one part has documents, its run is the result: in
    // Lucene too a best-of of one score is that score, and so is a sum of one.
    private abstract class MergeNode(Node[] parts) : Node
    {
        public override Run Score(Leaf leaf)
        {
            var runs = new Run[parts.Length];
            try
            {
                var live = 0;
                for (var i = 0; i < parts.Length; i++)
                {
                    runs[i] = parts[i].Score(leaf);
                    live += runs[i].Count > 0 ? 1 : 0;
                }

                return Merge(runs, live);
            }
            finally
            {
                foreach (var run in runs)
                {
                    run.Return();
                }
            }
        }

        // A new run from the parts' runs, which the caller returns; live is how many of them have documents.
        protected abstract Run Merge(Run[] runs, int live);

        // The one run with documents, taken from the parts (so not returned with them), with the parts' total cost.
        protected static Run Only(Run[] runs)
        {
            long cost = 0;
            var only = -1;
            for (var i = 0; i < runs.Length; i++)
            {
                cost += runs[i].Cost;
                only = runs[i].Count > 0 ? i : only;
            }

            var run = runs[only];
            runs[only] = Run.Empty;
            return new Run(run.Docs, run.Scores, run.Count, cost);
        }
    }

    // DisjunctionMaxScorer: the best part's score plus the tie breaker times the others'.
    private sealed class BestOfNode(Node[] parts, float tieBreaker) : MergeNode(parts)
    {
        protected override Run Merge(Run[] runs, int live) =>
            live <= 1 ? (live == 0 ? Run.Empty : Only(runs)) : Fold<BestOf, (float Sum, float Best)>(runs, tieBreaker);
    }

    // DisjunctionSumScorer without coordination: the parts' scores added in double precision.
    private sealed class SumNode(Node[] parts) : MergeNode(parts)
    {
        protected override Run Merge(Run[] runs, int live) =>
            live <= 1 ? (live == 0 ? Run.Empty : Only(runs)) : Fold<Sum, double>(runs, 0f);
    }

    // How a node combines the scores of one document's parts, in the parts' order: what it keeps while folding the
    // parts in, and the score it gives at the end.
    private interface ICombination<TState>
        where TState : struct
    {
        static abstract TState First(float score);

        static abstract TState Add(TState state, float score);

        static abstract float Final(TState state, float tieBreaker);
    }

    // As DisjunctionMaxScorer: single-precision sum and maximum, then the best plus the tie breaker times the rest.
    private readonly struct BestOf : ICombination<(float Sum, float Best)>
    {
        public static (float Sum, float Best) First(float score) => (score, score);

        public static (float Sum, float Best) Add((float Sum, float Best) state, float score) =>
            (state.Sum + score, Math.Max(state.Best, score));

        public static float Final((float Sum, float Best) state, float tieBreaker) =>
            state.Best + ((state.Sum - state.Best) * tieBreaker);
    }

    // As DisjunctionSumScorer: a double-precision sum, given as a float.
    private readonly struct Sum : ICombination<double>
    {
        public static double First(float score) => score;

        public static double Add(double state, float score) => state + score;

        public static float Final(double state, float tieBreaker) => (float)state;
    }

    // Folds the parts' runs in one at a time, each fold a merge of two sorted arrays carrying each document's state.
    private static Run Fold<TCombination, TState>(Run[] runs, float tieBreaker)
        where TCombination : struct, ICombination<TState>
        where TState : struct
    {
        long capacity = 0, cost = 0;
        foreach (var run in runs)
        {
            capacity += run.Count;
            cost += run.Cost;
        }

        var size = (int)Math.Max(1, capacity);
        int[] docs = ArrayPool<int>.Shared.Rent(size), nextDocs = ArrayPool<int>.Shared.Rent(size);
        TState[] states = ArrayPool<TState>.Shared.Rent(size), nextStates = ArrayPool<TState>.Shared.Rent(size);
        var count = -1;
        foreach (var run in runs)
        {
            if (run.Count == 0)
            {
                continue;
            }

            var partDocs = run.Docs;
            var partScores = run.Scores;
            if (count < 0)
            {
                count = run.Count;
                Array.Copy(partDocs, docs, count);
                for (var i = 0; i < count; i++)
                {
                    states[i] = TCombination.First(partScores[i]);
                }

                continue;
            }

            int a = 0, b = 0, n = 0;
            while (a < count || b < run.Count)
            {
                var docA = a < count ? docs[a] : int.MaxValue;
                var docB = b < run.Count ? partDocs[b] : int.MaxValue;
                if (docA < docB)
                {
                    (nextDocs[n], nextStates[n]) = (docA, states[a++]);
                }
                else if (docB < docA)
                {
                    (nextDocs[n], nextStates[n]) = (docB, TCombination.First(partScores[b++]));
                }
                else
                {
                    (nextDocs[n], nextStates[n]) = (docA, TCombination.Add(states[a++], partScores[b++]));
                }

                n++;
            }

            (docs, nextDocs, states, nextStates, count) = (nextDocs, docs, nextStates, states, n);
        }

        var scores = ArrayPool<float>.Shared.Rent(size);
        for (var i = 0; i < count; i++)
        {
            scores[i] = TCombination.Final(states[i], tieBreaker);
        }

        ArrayPool<int>.Shared.Return(nextDocs);
        ArrayPool<TState>.Shared.Return(states);
        ArrayPool<TState>.Shared.Return(nextStates);
        return new Run(docs, scores, count, cost);
    }

    // ConjunctionScorer without coordination: documents in every part, their scores added in single precision with
    // the parts in Lucene's order (fewest postings first).
    private sealed class AllNode(Node[] parts) : MergeNode(parts)
    {
        protected override Run Merge(Run[] runs, int live)
        {
            if (live < runs.Length)
            {
                return Run.Empty;
            }

            // A stable sort by cost, as Lucene's TimSort of the conjunction's parts.
            var order = Enumerable.Range(0, runs.Length).OrderBy(i => runs[i].Cost).ToArray();
            var lead = runs[order[0]];
            var merged = Run.Rent(lead.Count, lead.Cost);
            Span<int> at = stackalloc int[runs.Length];
            var count = 0;
            for (var l = 0; l < lead.Count; l++)
            {
                var doc = lead.Docs[l];
                var inAll = true;
                for (var k = 1; k < order.Length && inAll; k++)
                {
                    var run = runs[order[k]];
                    ref var position = ref at[k];
                    while (position < run.Count && run.Docs[position] < doc)
                    {
                        position++;
                    }

                    inAll = position < run.Count && run.Docs[position] == doc;
                }

                if (!inAll)
                {
                    continue;
                }

                var sum = lead.Scores[l];
                for (var k = 1; k < order.Length; k++)
                {
                    sum += runs[order[k]].Scores[at[k]];
                }

                merged.Docs[count] = doc;
                merged.Scores[count++] = sum;
            }

            return merged.WithCount(count);
        }
    }

    // TopScoreDocCollector's choice for documents offered in order: the highest scores, the earlier document first
    // among equal ones. A heap whose root is the weakest hit kept.
    private sealed class TopHits(int limit)
    {
        private readonly ScoreDoc[] _heap = new ScoreDoc[limit];
        private int _count;

        public void Offer(int doc, float score)
        {
            if (_count < limit)
            {
                _heap[_count] = new ScoreDoc(doc, score);
                Up(_count++);
            }
            else if (score > _heap[0].Score)
            {
                _heap[0] = new ScoreDoc(doc, score);
                Down(0);
            }
        }

        public TopDocs ToTopDocs(int total)
        {
            var hits = _heap.Take(_count).OrderByDescending(h => h.Score).ThenBy(h => h.Doc).ToArray();
            return new TopDocs(total, hits, hits.Length > 0 ? hits[0].Score : float.NaN);
        }

        // Whether a is the weaker hit: a lower score, or the same score and a later document.
        private static bool Weaker(ScoreDoc a, ScoreDoc b) => a.Score < b.Score || (a.Score == b.Score && a.Doc > b.Doc);

        private void Up(int i)
        {
            while (i > 0 && Weaker(_heap[i], _heap[(i - 1) / 2]))
            {
                (_heap[i], _heap[(i - 1) / 2]) = (_heap[(i - 1) / 2], _heap[i]);
                i = (i - 1) / 2;
            }
        }

        private void Down(int i)
        {
            while (true)
            {
                var weakest = i;
                foreach (var child in (ReadOnlySpan<int>)[(2 * i) + 1, (2 * i) + 2])
                {
                    if (child < _count && Weaker(_heap[child], _heap[weakest]))
                    {
                        weakest = child;
                    }
                }

                if (weakest == i)
                {
                    return;
                }

                (_heap[i], _heap[weakest]) = (_heap[weakest], _heap[i]);
                i = weakest;
            }
        }
    }
}
