using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace LineaHub.Schemas.Faq;

/// <summary>
/// Cuts the part of a text with the most matched terms and marks them: the text is analysed with the index's
/// own analysis chain, so a match is exactly what the search matched (stems, folded accents, synonyms, typo
/// corrections). Everything is HTML-escaped; only the <c>&lt;mark&gt;</c> tags are markup.
/// </summary>
internal static class FaqSnippet
{
    private const char Ellipsis = '…';

    // The analysis chain and buffers of this thread, reused from hit to hit.
    [ThreadStatic]
    private static Scanner? t_scanner;

    public static string Build(string text, HashSet<string> matchTerms, int length)
    {
        var scanner = t_scanner ??= new Scanner();
        var matches = scanner.Matches(text, matchTerms);
        var (start, end) = Window(text, matches, scanner.Distinct, length);
        var builder = scanner.Builder.Clear();
        if (start > 0)
        {
            builder.Append(Ellipsis);
        }

        var cursor = start;
        foreach (var match in matches)
        {
            if (match.StartOffset < cursor || match.EndOffset > end)
            {
                continue;
            }

            FaqHtml.Append(builder, text.AsSpan(cursor, match.StartOffset - cursor));
            builder.Append("<mark>");
            FaqHtml.Append(builder, text.AsSpan(match.StartOffset, match.EndOffset - match.StartOffset));
            builder.Append("</mark>");
            cursor = match.EndOffset;
        }

        FaqHtml.Append(builder, text.AsSpan(cursor, end - cursor));
        if (end < text.Length)
        {
            builder.Append(Ellipsis);
        }

        return builder.ToString();
    }

    private static (int Start, int End) Window(string text, List<AnalysedToken> matches, HashSet<string> distinct, int length)
    {
        if (text.Length <= length)
        {
            return (0, text.Length);
        }

        // The window that holds the most distinct matched terms; ties go to the earliest.
        var bestStart = 0;
        var bestCount = -1;
        for (var c = -1; c < matches.Count; c++)
        {
            var start = c < 0 ? 0 : SnapBack(text, matches[c].StartOffset, length / 5);
            distinct.Clear();
            foreach (var match in matches)
            {
                if (match.StartOffset >= start && match.EndOffset <= start + length)
                {
                    distinct.Add(match.Term);
                }
            }

            if (distinct.Count > bestCount)
            {
                bestCount = distinct.Count;
                bestStart = start;
            }
        }

        var endLimit = Math.Min(text.Length, bestStart + length);
        var end = endLimit;
        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end - 1, end - bestStart);
            if (space > bestStart)
            {
                end = space;
            }
        }

        return (bestStart, end);
    }

    // A little context before the first match, starting at a sentence or at least a word.
    private static int SnapBack(string text, int offset, int context)
    {
        if (offset == 0)
        {
            return 0;
        }

        var earliest = Math.Max(0, offset - context);
        for (var i = offset - 1; i >= earliest; i--)
        {
            if (text[i] is '.' or '!' or '?' or ':' or ';' && i + 1 < text.Length && text[i + 1] == ' ')
            {
                return i + 2;
            }
        }

        var space = text.IndexOf(' ', earliest, offset - earliest);
        return space >= 0 && space < offset ? space + 1 : offset;
    }

    // The analyser's tokenizer and chain (ItalianFaqAnalyzer) with FaqMatchCandidates between them, which drops the
    // words that cannot become a match term before the chain runs on them: most words of an answer are not matches,
    // and analysing them all was most of a snippet's cost. The tokenizer itself only reads the runs of chunks (text
    // between spaces) that could hold a match term: a space always ends a word, so a run is cut into the same words
    // as it is inside the whole text.
    // One per thread for the thread's life: its streams are closed after every run (which is all their disposal
    // does), so there is nothing left to dispose.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001:Types that own disposable fields should be disposable", Justification = "Per-thread, closed after each use.")]
    private sealed class Scanner
    {
        private readonly StandardTokenizer _tokenizer = new(ItalianFaqAnalyzer.Version, TextReader.Null);
        private readonly FaqMatchCandidates _candidates;
        private readonly TokenStream _stream;
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private readonly SegmentReader _reader = new();
        private readonly List<AnalysedToken> _matches = [];

        public Scanner()
        {
            _candidates = new FaqMatchCandidates(_tokenizer);
            _stream = ItalianFaqAnalyzer.Filters(_candidates);
            _term = _stream.AddAttribute<ICharTermAttribute>();
            _offset = _stream.AddAttribute<IOffsetAttribute>();
        }

        public HashSet<string> Distinct { get; } = new(StringComparer.Ordinal);

        public StringBuilder Builder { get; } = new(FaqScoring.SnippetLength * 2);

        // The text's analysed words that are match terms, in order.
        public List<AnalysedToken> Matches(string text, HashSet<string> matchTerms)
        {
            var lookup = matchTerms.GetAlternateLookup<ReadOnlySpan<char>>();
            _matches.Clear();
            _candidates.LookFor(matchTerms);
            var position = 0;
            while (_candidates.NextRun(text, ref position, out var start, out var end))
            {
                Analyse(text, start, end, lookup);
            }

            return _matches;
        }

        // Each word is looked up by its characters, without making a string of it.
        private void Analyse(string text, int start, int end, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup)
        {
            // Each analysis ends with the stream's close, after which the tokenizer takes a new reader (as Analyzer reuses it).
            _tokenizer.SetReader(_reader.Over(text, start, end));
            using (_stream)
            {
                _stream.Reset();
                while (_stream.IncrementToken())
                {
                    if (lookup.TryGetValue(_term.Buffer.AsSpan(0, _term.Length), out var matched))
                    {
                        _matches.Add(new AnalysedToken(matched, start + _offset.StartOffset, start + _offset.EndOffset, _offset.EndOffset - _offset.StartOffset));
                    }
                }

                _stream.End();
            }
        }
    }

    // A part of a string as a reader, reused from run to run; closing it (as the tokenizer does) keeps nothing.
    private sealed class SegmentReader : TextReader
    {
        private string _text = string.Empty;
        private int _position;
        private int _end;

        public SegmentReader Over(string text, int start, int end)
        {
            _text = text;
            _position = start;
            _end = end;
            return this;
        }

        public override int Peek() => _position < _end ? _text[_position] : -1;

        public override int Read() => _position < _end ? _text[_position++] : -1;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            var count = Math.Min(buffer.Length, _end - _position);
            _text.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }
    }
}
