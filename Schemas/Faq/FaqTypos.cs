using Lucene.Net.Index;
using Lucene.Net.Search;

namespace LineaHub.Schemas.Faq;

/// <summary>
/// Typo tolerance for a word the index does not know: the index terms within one or two edits (insertions,
/// deletions, substitutions, swaps of two adjacent characters) that share its first character, as Lucene's
/// <c>FuzzyQuery</c> with a prefix of one and transpositions finds them, with the same weight per term
/// (1 − edits ÷ the shorter length) and the same cap per field. The terms come from <see cref="FaqSegment"/>,
/// which is built once per segment, instead of automata intersected with the term dictionary on every search:
/// that was nearly all the time of a query with a typo.
/// </summary>
internal static class FaqTypos
{
    // Longer words are compared with a heap row; FAQ terms are rarely longer than this.
    private const int StackLimit = 64;

    /// <summary>
    /// The expansion of <paramref name="term"/> in each searched field (a field where nothing is close is left
    /// out), each term query weighted by the field's boost times the term's closeness, with the weight of its
    /// best clause (see <see cref="FaqTermLookup.Term"/>); null when nothing is close.
    /// </summary>
    public static (DisjunctionMaxQuery Query, float Weight)? Expand(
        FaqTermLookup lookup, string term, int maxEdits, ICollection<string> expandedTo)
    {
        if (term.Length <= FaqScoring.FuzzyPrefixLength)
        {
            return null;
        }

        var query = new DisjunctionMaxQuery(FaqScoring.FieldTieBreaker);
        var weight = 0f;
        foreach (var (field, boost) in FaqFields.Searched)
        {
            var terms = new BooleanQuery(disableCoord: true);
            foreach (var (candidate, closeness) in Closest(lookup.Reader, field, term, maxEdits))
            {
                if (lookup.Term(field, candidate, boost * closeness) is { } clause)
                {
                    terms.Add(clause.Query, Occur.SHOULD);
                    weight = Math.Max(weight, clause.Weight);
                    expandedTo.Add(candidate);
                }
            }

            if (terms.Clauses.Count > 0)
            {
                query.Add(terms);
            }
        }

        return weight > 0f ? (query, weight) : null;
    }

    /// <summary>Edit distance with adjacent swaps (optimal string alignment), or <paramref name="max"/> + 1 when it exceeds <paramref name="max"/>.</summary>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        var width = b.Length + 1;
        Span<int> rows = width <= StackLimit ? stackalloc int[width * 3] : new int[width * 3];
        var twoBack = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j < width; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, twoBack[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            // Rotate the three rows without copying.
            var oldest = twoBack;
            twoBack = previous;
            previous = current;
            current = oldest;
        }

        return previous[b.Length];
    }

    /// <summary>
    /// The characters of <paramref name="term"/> as a set of bits: one per letter and digit, the other characters
    /// sharing the rest. Every character of one term that is missing from the other costs an edit, as does a bit
    /// set for one and not the other, so more such bits than the edits allowed rule a term out without
    /// <see cref="Distance"/>.
    /// </summary>
    public static ulong Letters(string term)
    {
        var letters = 0UL;
        foreach (var c in term)
        {
            letters |= 1UL << c switch
            {
                >= 'a' and <= 'z' => c - 'a',
                >= '0' and <= '9' => 26 + c - '0',
                _ => 36 + (c % 28),
            };
        }

        return letters;
    }

    private static List<(string Term, float Closeness)> Closest(IndexReader reader, string field, string term, int maxEdits)
    {
        var found = new Dictionary<string, float>(StringComparer.Ordinal);
        var letters = Letters(term);
        foreach (var leaf in reader.Leaves)
        {
            var vocabulary = FaqSegment.Of(leaf.AtomicReader);
            for (var length = Math.Max(1, term.Length - maxEdits); length <= term.Length + maxEdits; length++)
            {
                var group = vocabulary.Terms(field, term[0], length);
                for (var i = 0; i < group.Terms.Length; i++)
                {
                    var candidate = group.Terms[i];
                    var other = group.Letters[i];
                    if (ulong.PopCount(letters & ~other) > (ulong)maxEdits || ulong.PopCount(other & ~letters) > (ulong)maxEdits
                        || found.ContainsKey(candidate))
                    {
                        continue;
                    }

                    var edits = Distance(term, candidate, maxEdits);
                    if (edits <= maxEdits)
                    {
                        found[candidate] = 1f - ((float)edits / Math.Min(term.Length, candidate.Length));
                    }
                }
            }
        }

        // The closest first, ties in term order, as FuzzyQuery's top-terms rewrite keeps them.
        return [.. found
            .Where(f => f.Value > 0f)
            .OrderByDescending(f => f.Value)
            .ThenBy(f => f.Key, StringComparer.Ordinal)
            .Take(FaqScoring.FuzzyMaxExpansions)
            .Select(f => (f.Key, f.Value))];
    }
}
