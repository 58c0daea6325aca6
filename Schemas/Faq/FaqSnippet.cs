using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace LineaHub.Schemas.Faq;

/// <summary>
/// Cuts the part of a text with the most matched terms and marks them: the text is analysed with the index's
/// own analyser, so a match is exactly what the search matched (stems, folded accents, synonyms, typo
/// corrections). Everything is HTML-escaped; only the <c>&lt;mark&gt;</c> tags are markup.
/// </summary>
internal static class FaqSnippet
{
    private const char Ellipsis = '…';

    public static string Build(Analyzer analyzer, string text, HashSet<string> matchTerms, int length)
    {
        var matches = Matches(analyzer, text, matchTerms);
        var (start, end) = Window(text, matches, length);
        var builder = new StringBuilder(end - start + 64);
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

            builder.Append(FaqHtml.Escape(text[cursor..match.StartOffset]));
            builder.Append("<mark>").Append(FaqHtml.Escape(text[match.StartOffset..match.EndOffset])).Append("</mark>");
            cursor = match.EndOffset;
        }

        builder.Append(FaqHtml.Escape(text[cursor..end]));
        if (end < text.Length)
        {
            builder.Append(Ellipsis);
        }

        return builder.ToString();
    }

    // The text's analysed words that are match terms. Each word is looked up by its characters: most are not
    // matches, and making a string of each was most of a snippet's cost.
    private static List<AnalysedToken> Matches(Analyzer analyzer, string text, HashSet<string> matchTerms)
    {
        var lookup = matchTerms.GetAlternateLookup<ReadOnlySpan<char>>();
        var matches = new List<AnalysedToken>();
        using var stream = analyzer.GetTokenStream(FaqFields.Answer, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (lookup.TryGetValue(term.Buffer.AsSpan(0, term.Length), out var matched))
            {
                matches.Add(new AnalysedToken(matched, offset.StartOffset, offset.EndOffset, offset.EndOffset - offset.StartOffset));
            }
        }

        stream.End();
        return matches;
    }

    private static (int Start, int End) Window(string text, List<AnalysedToken> matches, int length)
    {
        if (text.Length <= length)
        {
            return (0, text.Length);
        }

        // The window that holds the most distinct matched terms; ties go to the earliest.
        var bestStart = 0;
        var bestCount = -1;
        var distinct = new HashSet<string>(StringComparer.Ordinal);
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
}
