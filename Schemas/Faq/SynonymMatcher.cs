using Lucene.Net.Analysis;

namespace LineaHub.Schemas.Faq;

/// <summary>
/// The synonym list compiled against the analyser: both sides of every rule analysed like the query, so a rule
/// for "carta d'identità" matches "Carta di identita" as typed, and its synonyms are searched as index terms.
/// </summary>
internal sealed class SynonymMatcher
{
    private readonly Dictionary<string, List<(string[] Phrase, string[][] Synonyms)>> _byFirstTerm;

    private readonly HashSet<string> _noise;

    public SynonymMatcher(FaqSynonyms synonyms, Analyzer analyzer)
    {
        _noise = FaqQueryNoise.Words.SelectMany(w => FaqAnalysis.Terms(analyzer, w)).ToHashSet(StringComparer.Ordinal);
        _byFirstTerm = new Dictionary<string, List<(string[], string[][])>>(StringComparer.Ordinal);
        foreach (var rule in synonyms.Rules)
        {
            var phrase = FaqAnalysis.Terms(analyzer, rule.Phrase);
            if (phrase.Length == 0)
            {
                continue;
            }

            var targets = rule.Synonyms
                .Select(s => FaqAnalysis.Terms(analyzer, s))
                .Where(t => t.Length > 0 && !t.SequenceEqual(phrase))
                .ToArray();
            if (targets.Length == 0)
            {
                continue;
            }

            if (!_byFirstTerm.TryGetValue(phrase[0], out var list))
            {
                _byFirstTerm[phrase[0]] = list = [];
            }

            list.Add((phrase, targets));
        }
    }

    /// <summary>Whether an analysed query term only frames the request (<see cref="FaqQueryNoise"/>).</summary>
    public bool IsNoise(string term) => _noise.Contains(term);

    /// <summary>
    /// Where synonym rules apply in a query's terms, left to right, longest phrase first, without overlaps
    /// ("bollo auto" wins over "bollo"); the targets of every rule with that phrase are merged.
    /// </summary>
    public List<SynonymSpan> Match(IReadOnlyList<string> terms)
    {
        var spans = new List<SynonymSpan>();
        var i = 0;
        while (i < terms.Count)
        {
            var length = 0;
            List<string[]>? targets = null;
            if (_byFirstTerm.TryGetValue(terms[i], out var candidates))
            {
                foreach (var (phrase, synonyms) in candidates)
                {
                    if (phrase.Length < length || !StartsAt(terms, i, phrase))
                    {
                        continue;
                    }

                    if (phrase.Length > length)
                    {
                        length = phrase.Length;
                        targets = [];
                    }

                    targets!.AddRange(synonyms.Where(s => !targets.Any(t => t.SequenceEqual(s))));
                }
            }

            if (targets is null)
            {
                i++;
                continue;
            }

            spans.Add(new SynonymSpan(i, length, targets));
            i += length;
        }

        return spans;
    }

    private static bool StartsAt(IReadOnlyList<string> terms, int start, string[] phrase)
    {
        if (start + phrase.Length > terms.Count)
        {
            return false;
        }

        for (var k = 0; k < phrase.Length; k++)
        {
            if (!string.Equals(terms[start + k], phrase[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Query terms [Start, Start + Length) that a synonym rule matched, and what they may also be written as.</summary>
internal sealed record SynonymSpan(int Start, int Length, IReadOnlyList<string[]> Targets);
