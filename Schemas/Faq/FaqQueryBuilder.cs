using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace LineaHub.Schemas.Faq;

/// <summary>
/// Turns text as typed into a Lucene query without a query parser: the text is analysed like the index, so
/// <c>*</c>, <c>:</c>, quotes, <c>AND</c>/<c>OR</c>, <c>-</c> and <c>~</c> are just characters.
/// The query is a sum of concepts. A concept is one word typed (over question, keywords and answer: best field
/// plus a share of the others; a word the index does not know also gets typo tolerance), or a word or phrase a
/// synonym rule matched: then the best of the words typed and each synonym (a little below), so a concept
/// written both ways in an entry counts once and does not drown the other words of the query.
/// A long description keeps only its most telling concepts (<see cref="FaqScoring.MaxConcepts"/>, the rarest
/// by IDF): the common words it drops add little to any score and are what made such queries slow.
/// </summary>
internal static class FaqQueryBuilder
{
    internal sealed record Plan(Query Query, HashSet<string> MatchTerms);

    // A concept's query, the most it can add to a score (boost × IDF of its best clause: how telling it is),
    // where it was typed, and the terms a snippet marks for it.
    private sealed record Concept(Query Query, float Weight, int Position, IReadOnlyCollection<string> MatchTerms);

    /// <summary>The query for <paramref name="text"/>, its terms looked up (and later searched) through <paramref name="lookup"/>.</summary>
    public static Plan? Build(string text, Analyzer analyzer, SynonymMatcher synonyms, FaqTermLookup lookup)
    {
        var tokens = FaqAnalysis.Analyse(analyzer, FaqFields.Question, text);
        tokens.RemoveAll(t => synonyms.IsNoise(t.Term));
        if (tokens.Count == 0)
        {
            return null;
        }

        var terms = tokens.ConvertAll(t => t.Term);
        // Common terms are left out only when another word of the query is not common: it finds the entries then.
        lookup.LeaveOutCommon = terms.Any(lookup.Uncommon);
        var concepts = new List<Concept>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var spans = synonyms.Match(terms);
        var spanIndex = 0;
        var fuzzyWords = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (spanIndex < spans.Count && spans[spanIndex].Start == i)
            {
                var span = spans[spanIndex++];
                var typed = terms.GetRange(span.Start, span.Length).ToArray();
                if (seen.Add(string.Join(' ', typed)) && SynonymConcept(lookup, typed, span.Targets, i) is { } synonym)
                {
                    concepts.Add(synonym);
                }

                i += span.Length - 1;
                continue;
            }

            var token = tokens[i];
            if (!seen.Add(token.Term))
            {
                continue;
            }

            var word = new DisjunctionMaxQuery(0f);
            var weight = 0f;
            var matchTerms = new List<string> { token.Term };
            if (lookup.Known(token.Term))
            {
                if (AcrossFields(lookup, token.Term) is { } exact)
                {
                    word.Add(exact.Query);
                    weight = exact.Weight;
                }
            }
            else if (fuzzyWords < FaqScoring.FuzzyMaxWords && token.SurfaceLength >= FaqScoring.FuzzyMinLength)
            {
                // Only a word the index does not know at all is taken for a typo.
                fuzzyWords++;
                var edits = token.SurfaceLength >= FaqScoring.FuzzyTwoEditsLength ? 2 : 1;
                if (FaqTypos.Expand(lookup, token.Term, edits, matchTerms) is { } fuzzy)
                {
                    fuzzy.Query.Boost = FaqScoring.FuzzyWeight;
                    word.Add(fuzzy.Query);
                    weight = FaqScoring.FuzzyWeight * fuzzy.Weight;
                }
            }

            if (weight > 0f)
            {
                concepts.Add(new Concept(word, weight, i, matchTerms));
            }
        }

        if (concepts.Count == 0)
        {
            return null;
        }

        var kept = concepts.Count <= FaqScoring.MaxConcepts
            ? concepts
            : [.. concepts.OrderByDescending(c => c.Weight).ThenBy(c => c.Position).Take(FaqScoring.MaxConcepts).OrderBy(c => c.Position)];
        var query = new BooleanQuery(disableCoord: true);
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var concept in kept)
        {
            query.Add(concept.Query, Occur.SHOULD);
            matched.UnionWith(concept.MatchTerms);
        }

        return new Plan(query, matched);
    }

    private static Concept? SynonymConcept(FaqTermLookup lookup, string[] typed, IReadOnlyList<string[]> targets, int position)
    {
        var concept = new DisjunctionMaxQuery(0f);
        var weight = 0f;
        var matchTerms = new List<string>(typed);

        // The words typed: any of them, each weighing 1 / their number, so the phrase weighs like one word.
        var original = new BooleanQuery(disableCoord: true);
        var originalWeight = 0f;
        foreach (var term in typed)
        {
            if (AcrossFields(lookup, term) is { } clause)
            {
                original.Add(clause.Query, Occur.SHOULD);
                originalWeight += clause.Weight;
            }
        }

        if (original.Clauses.Count > 0)
        {
            original.Boost = 1f / typed.Length;
            concept.Add(original);
            weight = originalWeight / typed.Length;
        }

        foreach (var target in targets)
        {
            if (AllOf(lookup, target) is { } synonym)
            {
                synonym.Query.Boost *= FaqScoring.SynonymWeight;
                concept.Add(synonym.Query);
                weight = Math.Max(weight, FaqScoring.SynonymWeight * synonym.Weight);
                matchTerms.AddRange(target);
            }
        }

        return weight > 0f ? new Concept(concept, weight, position, matchTerms) : null;
    }

    // The term over question, keywords and answer (fields without it left out); null when no field has it.
    private static (Query Query, float Weight)? AcrossFields(FaqTermLookup lookup, string term)
    {
        DisjunctionMaxQuery? query = null;
        var weight = 0f;
        foreach (var (field, boost) in FaqFields.Searched)
        {
            if (lookup.Term(field, term, boost) is { } clause)
            {
                query ??= new DisjunctionMaxQuery(FaqScoring.FieldTieBreaker);
                query.Add(clause.Query);
                weight = Math.Max(weight, clause.Weight);
            }
        }

        return query is null ? null : (query, weight);
    }

    // A synonym phrase matches when all its terms are in the entry (in any field, any order): offices rarely
    // write a bureaucratic phrase in exactly one form, so a phrase query would miss "residenza: cambio".
    // Its score is the mean of its terms', so a long phrase weighs like one word. Null when a term is in no
    // field: the phrase could not match.
    private static (Query Query, float Weight)? AllOf(FaqTermLookup lookup, string[] terms)
    {
        if (terms.Length == 1)
        {
            return AcrossFields(lookup, terms[0]);
        }

        var all = new BooleanQuery(disableCoord: true);
        var weight = 0f;
        foreach (var term in terms)
        {
            if (AcrossFields(lookup, term) is not { } clause)
            {
                return null;
            }

            all.Add(clause.Query, Occur.MUST);
            weight += clause.Weight;
        }

        all.Boost = 1f / terms.Length;
        return (all, weight / terms.Length);
    }
}
