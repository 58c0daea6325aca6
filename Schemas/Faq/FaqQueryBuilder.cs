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
/// </summary>
internal static class FaqQueryBuilder
{
    internal sealed record Plan(Query Query, IReadOnlySet<string> MatchTerms);

    public static Plan? Build(string text, Analyzer analyzer, SynonymMatcher synonyms, IndexReader reader)
    {
        var tokens = FaqAnalysis.Analyse(analyzer, FaqFields.Question, text);
        tokens.RemoveAll(t => synonyms.IsNoise(t.Term));
        if (tokens.Count == 0)
        {
            return null;
        }

        var query = new BooleanQuery(disableCoord: true);
        var matchTerms = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var terms = tokens.Select(t => t.Term).ToList();
        var spans = synonyms.Match(terms);
        var spanIndex = 0;
        var fuzzyWords = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (spanIndex < spans.Count && spans[spanIndex].Start == i)
            {
                var span = spans[spanIndex++];
                var typed = terms.GetRange(span.Start, span.Length).ToArray();
                if (seen.Add(string.Join(' ', typed)))
                {
                    query.Add(SynonymConcept(typed, span.Targets, matchTerms), Occur.SHOULD);
                }

                i += span.Length - 1;
                continue;
            }

            var token = tokens[i];
            if (!seen.Add(token.Term))
            {
                continue;
            }

            matchTerms.Add(token.Term);
            var word = new DisjunctionMaxQuery(0f) { AcrossFields(token.Term) };
            if (fuzzyWords < FaqScoring.FuzzyMaxWords
                && token.SurfaceLength >= FaqScoring.FuzzyMinLength
                && !Known(reader, token.Term))
            {
                fuzzyWords++;
                var edits = token.SurfaceLength >= FaqScoring.FuzzyTwoEditsLength ? 2 : 1;
                if (FaqTypos.Expand(reader, token.Term, edits, matchTerms) is { } fuzzy)
                {
                    fuzzy.Boost = FaqScoring.FuzzyWeight;
                    word.Add(fuzzy);
                }
            }

            query.Add(word, Occur.SHOULD);
        }

        return new Plan(query, matchTerms);
    }

    private static DisjunctionMaxQuery SynonymConcept(string[] typed, IReadOnlyList<string[]> targets, HashSet<string> matchTerms)
    {
        var concept = new DisjunctionMaxQuery(0f);
        var original = new BooleanQuery(disableCoord: true);
        foreach (var term in typed)
        {
            original.Add(AcrossFields(term), Occur.SHOULD);
        }

        original.Boost = 1f / typed.Length;
        concept.Add(original);
        matchTerms.UnionWith(typed);
        foreach (var target in targets)
        {
            var synonym = AllOf(target);
            synonym.Boost *= FaqScoring.SynonymWeight;
            concept.Add(synonym);
            matchTerms.UnionWith(target);
        }

        return concept;
    }

    private static bool Known(IndexReader reader, string term)
    {
        foreach (var (field, _) in FaqFields.Searched)
        {
            if (reader.DocFreq(new Term(field, term)) > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static DisjunctionMaxQuery AcrossFields(string term)
    {
        var query = new DisjunctionMaxQuery(FaqScoring.FieldTieBreaker);
        foreach (var (field, boost) in FaqFields.Searched)
        {
            query.Add(new TermQuery(new Term(field, term)) { Boost = boost });
        }

        return query;
    }

    // A synonym phrase matches when all its terms are in the entry (in any field, any order): offices rarely
    // write a bureaucratic phrase in exactly one form, so a phrase query would miss "residenza: cambio".
    // Its score is the mean of its terms', so a long phrase weighs like one word.
    private static Query AllOf(string[] terms)
    {
        if (terms.Length == 1)
        {
            return AcrossFields(terms[0]);
        }

        var all = new BooleanQuery(disableCoord: true);
        foreach (var term in terms)
        {
            all.Add(AcrossFields(term), Occur.MUST);
        }

        all.Boost = 1f / terms.Length;
        return all;
    }
}
