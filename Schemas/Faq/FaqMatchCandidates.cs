using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace LineaHub.Schemas.Faq;

/// <summary>
/// Between the tokenizer and the analysis chain (<see cref="ItalianFaqAnalyzer.Filters"/>), passes on only the
/// words that could come out of the chain as one of the given terms, so a snippet does not run elision, lower
/// case, folding, stop words and stemming over every word of an answer to mark a few.
/// The chain only drops a leading elided article, lowers the case, folds accents and cuts endings: a term it makes
/// is a prefix of the folded word, from its start or from just after its first apostrophe. An ASCII character is
/// its own fold, so a word whose ASCII characters already differ from every term there, or end before the term
/// does, cannot become one; a word with any other character where a term is compared is passed on (whatever folding
/// makes of it, the chain decides). A word passed on is analysed exactly as without this filter: the chain's
/// filters look at one word at a time.
/// </summary>
internal sealed class FaqMatchCandidates : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly List<string> _terms = [];

    // One bit per ASCII character a term starts with: most words are rejected on their first letter.
    private ulong _firstLow;
    private ulong _firstHigh;

    public FaqMatchCandidates(TokenStream input)
        : base(input) => _term = AddAttribute<ICharTermAttribute>();

    /// <summary>The terms the following analyses look for.</summary>
    public void LookFor(IEnumerable<string> terms)
    {
        _terms.Clear();
        _firstLow = _firstHigh = 0;
        foreach (var term in terms)
        {
            if (term.Length > 0 && term[0] < 128)
            {
                _terms.Add(term);
                if (term[0] < 64)
                {
                    _firstLow |= 1UL << term[0];
                }
                else
                {
                    _firstHigh |= 1UL << (term[0] - 64);
                }
            }
        }
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        while (m_input.IncrementToken())
        {
            if (CouldBecomeATerm(_term.Buffer.AsSpan(0, _term.Length)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the chain could turn <paramref name="word"/> (as the tokenizer cut it) into one of the terms; false
    /// only when it certainly cannot.
    /// </summary>
    internal bool CouldBecomeATerm(ReadOnlySpan<char> word)
    {
        if (CouldStartWith(word))
        {
            return true;
        }

        var apostrophe = word.IndexOfAny('\'', '\u2019');
        return apostrophe >= 0 && CouldStartWith(word[(apostrophe + 1)..]);
    }

    private bool CouldStartWith(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return false;
        }

        var first = word[0];
        if (first >= 128)
        {
            return true;
        }

        first = char.ToLowerInvariant(first);
        var bit = first < 64 ? (_firstLow >> first) & 1 : (_firstHigh >> (first - 64)) & 1;
        if (bit == 0)
        {
            return false;
        }

        foreach (var term in _terms)
        {
            if (term[0] == first && CouldBePrefix(term, word))
            {
                return true;
            }
        }

        return false;
    }

    // Whether term could be a prefix of the word once folded; its first character already matches.
    private static bool CouldBePrefix(string term, ReadOnlySpan<char> word)
    {
        for (var i = 1; i < term.Length; i++)
        {
            if (i >= word.Length)
            {
                // Every character so far was ASCII, so the folded word is this short too.
                return false;
            }

            var c = word[i];
            if (c >= 128)
            {
                return true;
            }

            if (char.ToLowerInvariant(c) != term[i])
            {
                return false;
            }
        }

        return true;
    }
}
