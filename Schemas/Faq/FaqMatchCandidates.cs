using System.Buffers;
using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace LineaHub.Schemas.Faq;

/// <summary>
/// Between the tokenizer and the analysis chain (<see cref="ItalianFaqAnalyzer.Filters"/>), passes on only the
/// words that could come out of the chain as one of the given terms, so a snippet does not run elision, lower
/// case, folding, stop words and stemming over every word of an answer to mark a few.
/// The chain only drops a leading elided article, lowers the case, folds accents and cuts endings: a term it makes
/// is a prefix of the folded word, from its start or from just after its first apostrophe. An ASCII character folds
/// to itself in lower case and an accented Latin-1 letter to one ASCII letter, so a word whose folded characters
/// already differ from every term there, or end before the term does, cannot become one; a word with any other
/// character where a term is compared is passed on (whatever folding makes of it, the chain decides). A word passed
/// on is analysed exactly as without this filter: the chain's filters look at one word at a time.
/// The same test picks the runs of an answer the tokenizer reads at all (<see cref="NextRun"/>).
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

    /// <summary>
    /// Finds, from <paramref name="position"/> on, the next run of chunks (text between spaces) that could hold
    /// one of the terms, and moves <paramref name="position"/> past it; false when no chunk left can. A space
    /// always ends a word, so the tokenizer cuts a run into the same words as it cuts them in the whole text.
    /// A word starts at a chunk's start or where the character before it does not run on into it: two letters
    /// of the Latin alphabet (or digits) are never split by the tokenizer (UAX #29, WB5 and WB8-WB10), and a word
    /// never starts with the punctuation marked <see cref="NoStart"/>. Every other position is tried as a word
    /// start with the rest of the text, which holds the word: a prefix test on more text than the word can only
    /// pass more often.
    /// </summary>
    internal bool NextRun(string text, ref int position, out int start, out int end)
    {
        start = end = -1;
        var chunkStart = -1;
        var spaceAt = -1;
        var candidate = false;
        var previousJoins = false;
        for (var i = position; i < text.Length; i++)
        {
            var c = text[i];
            var kind = KindOf(c);
            if ((kind & Space) != 0)
            {
                spaceAt = chunkStart >= 0 && spaceAt < 0 ? i : spaceAt;
                previousJoins = false;
                continue;
            }

            if (spaceAt >= 0)
            {
                // A combining mark or a format character after spaces belongs to them for the tokenizer (WB4), so
                // the chunk goes on over those spaces rather than start a new one with it.
                if (!AttachesToWhatPrecedes(c))
                {
                    if (candidate)
                    {
                        start = start < 0 ? chunkStart : start;
                        end = spaceAt;
                    }
                    else if (start >= 0)
                    {
                        position = i;
                        return true;
                    }

                    chunkStart = -1;
                    candidate = false;
                }

                spaceAt = -1;
            }

            if (chunkStart < 0)
            {
                // Likewise a chunk that would start with such a character starts with the space before it.
                chunkStart = i > 0 && AttachesToWhatPrecedes(c) ? i - 1 : i;
            }

            var joins = (kind & Joins) != 0;
            if (!candidate && (kind & NoStart) == 0 && !(previousJoins && joins) && CouldStartWith(text.AsSpan(i)))
            {
                candidate = true;
            }

            previousJoins = joins;
            if (joins)
            {
                // The ASCII letters and digits that follow run on into this one: none starts a word or ends the chunk.
                var rest = text.AsSpan(i + 1).IndexOfAnyExcept(AsciiLettersAndDigits);
                i = rest < 0 ? text.Length - 1 : i + rest;
            }
        }

        if (candidate)
        {
            start = start < 0 ? chunkStart : start;
            end = spaceAt >= 0 ? spaceAt : text.Length;
        }

        position = text.Length;
        return start >= 0;
    }

    // What the run search needs to know of a character; a table for the first 256, the rules for the rest.
    private const byte Space = 1;
    private const byte Joins = 2;
    private const byte NoStart = 4;

    private static readonly byte[] Kinds = BuildKinds();

    private static readonly SearchValues<char> AsciiLettersAndDigits =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    private static byte KindOf(char c) => c < 256 ? Kinds[c] : Kind(c);

    private static byte[] BuildKinds()
    {
        var kinds = new byte[256];
        for (var c = 0; c < kinds.Length; c++)
        {
            kinds[c] = Kind((char)c);
        }

        return kinds;
    }

    // Joins: letters of Basic Latin, Latin-1 and Latin Extended-A/B, and ASCII digits.
    // NoStart: ASCII punctuation and symbols other than the underscore (which may start a word), and the quotes,
    // dashes and signs of Italian typing: none is a letter, a digit or a mark a word could start with.
    private static byte Kind(char c)
    {
        if (char.IsWhiteSpace(c))
        {
            return Space;
        }

        if (c < 128)
        {
            return char.IsAsciiLetterOrDigit(c) ? Joins : c == '_' ? (byte)0 : NoStart;
        }

        if (c is >= '\u00C0' and <= '\u024F' && char.IsLetter(c))
        {
            return Joins;
        }

        return c is '\u2018' or '\u2019' or '\u201C' or '\u201D' or '\u00AB' or '\u00BB' or '\u2013' or '\u2014' or '\u2026' or '\u20AC' or '\u00B0'
            ? NoStart
            : (byte)0;
    }

    private static bool AttachesToWhatPrecedes(char c) =>
        c >= 128 && char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark or UnicodeCategory.Format;

    // The one ASCII letter the chain (lower case, then ASCII folding) makes of a character, or '\0' when it may make
    // anything else: a digit, more than one letter (æ, ß, œ), or a character outside Latin-1.
    private static readonly char[] Latin1Folds = BuildLatin1Folds();

    private static char FoldOf(char c) => c < 128 ? (char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c) : c < 256 ? Latin1Folds[c - 128] : '\0';

    private static char[] BuildLatin1Folds()
    {
        const string Letters = "ÀÁÂÃÄÅàáâãäåaÇçcÈÉÊËèéêëeÌÍÎÏìíîïiÐðdÑñnÒÓÔÕÖØòóôõöøoÙÚÛÜùúûüuÝýÿy";
        var folds = new char[128];
        var run = new List<char>();
        foreach (var c in Letters)
        {
            if (c < 128)
            {
                run.ForEach(accented => folds[accented - 128] = c);
                run.Clear();
            }
            else
            {
                run.Add(c);
            }
        }

        return folds;
    }

    private bool CouldStartWith(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return false;
        }

        var first = FoldOf(word[0]);
        if (first == '\0')
        {
            return true;
        }

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
                // Every character so far folded to one letter, so the folded word is this short too.
                return false;
            }

            var folded = FoldOf(word[i]);
            if (folded == '\0')
            {
                return true;
            }

            if (folded != term[i])
            {
                return false;
            }
        }

        return true;
    }
}
