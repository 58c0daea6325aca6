using System.Text;
using Lucene.Net.Analysis;

namespace LineaHub.Schemas.Faq;

/// <summary>
/// Cuts the part of a text with the most matched terms and marks them: the text is analysed with the index's
/// own analyser, so a match is exactly what the search matched (stems, folded accents, synonyms, typo
/// corrections). Everything is HTML-escaped; only the <c>&lt;mark&gt;</c> tags are markup.
/// </summary>
internal static class FaqSnippet
{
    private const char Ellipsis = '…';

    public static string Build(Analyzer analyzer, string text, IReadOnlySet<string> matchTerms, int length)
    {
        var matches = FaqAnalysis.Analyse(analyzer, FaqFields.Answer, text)
            .Where(t => matchTerms.Contains(t.Term))
            .ToList();
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

    private static (int Start, int End) Window(string text, List<AnalysedToken> matches, int length)
    {
        if (text.Length <= length)
        {
            return (0, text.Length);
        }

        // The window that holds the most distinct matched terms; ties go to the earliest.
        var bestStart = 0;
        var bestCount = -1;
        foreach (var candidate in matches.Select(m => m.StartOffset).Prepend(0))
        {
            var start = SnapBack(text, candidate, length / 5);
            var count = matches
                .Where(m => m.StartOffset >= start && m.EndOffset <= start + length)
                .Select(m => m.Term)
                .Distinct(StringComparer.Ordinal)
                .Count();
            if (count > bestCount)
            {
                bestCount = count;
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
