using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace LineaHub.Schemas.Faq;

/// <summary>
/// The terms one index segment holds in a searched field, grouped by first character and length: what typo
/// tolerance looks a mistyped word up in. Built once per segment (segments never change; deletions do not
/// matter here) when a searcher first sees it, so a search compares the word with the few terms of the same
/// first letter and a close length instead of running Levenshtein automata over the term dictionary.
/// </summary>
internal sealed class FaqVocabulary
{
    private static readonly ConditionalWeakTable<object, FaqVocabulary> Segments = new();

    private readonly Dictionary<(string Field, char First, int Length), string[]> _terms;

    private FaqVocabulary(Dictionary<(string Field, char First, int Length), string[]> terms) => _terms = terms;

    /// <summary>The vocabulary of a segment, built on first use and kept as long as the segment lives.</summary>
    public static FaqVocabulary Of(AtomicReader segment) =>
        Segments.GetValue(segment.CoreCacheKey, _ => Build(segment));

    /// <summary>Builds the vocabulary of every segment of <paramref name="reader"/> that has none yet.</summary>
    public static void Warm(IndexReader reader)
    {
        foreach (var leaf in reader.Leaves)
        {
            Of(leaf.AtomicReader);
        }
    }

    /// <summary>Terms of <paramref name="field"/> that start with <paramref name="first"/> and have <paramref name="length"/> characters.</summary>
    public ReadOnlySpan<string> Terms(string field, char first, int length) =>
        _terms.TryGetValue((field, first, length), out var terms) ? terms : [];

    private static FaqVocabulary Build(AtomicReader segment)
    {
        var groups = new Dictionary<(string, char, int), List<string>>();
        foreach (var (field, _) in FaqFields.Searched)
        {
            var terms = segment.GetTerms(field);
            if (terms is null)
            {
                continue;
            }

            var enumerator = terms.GetEnumerator();
            while (enumerator.MoveNext())
            {
                var term = enumerator.Term.Utf8ToString();
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

        return new FaqVocabulary(groups.ToDictionary(g => g.Key, g => g.Value.ToArray()));
    }
}
