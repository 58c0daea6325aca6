using System.Text;
using System.Text.RegularExpressions;

namespace LineaHub.Schemas.Faq;

/// <summary>
/// Renders an answer written in the safe Markdown subset (<see cref="FaqText"/>: emphasis, headings, lists, links, code spans)
/// as HTML that can be put into a page as it is. Nothing of the input reaches the output unescaped: the only markup is what
/// this class writes (<c>p h1–h6 ul ol li strong em code a</c>), and a link keeps its address only when it is http, https or
/// mailto; any other link (<c>javascript:</c>, <c>data:</c>, relative) is rendered as its text. Raw HTML in the answer is text.
/// </summary>
public static partial class FaqMarkdown
{
    // Emphasis nested deeper than this is written as text: bounds recursion on hostile input.
    private const int MaxNesting = 8;

    private static readonly string[] AllowedSchemes = [Uri.UriSchemeHttp, Uri.UriSchemeHttps, Uri.UriSchemeMailto];

    /// <summary>The answer as safe HTML; an empty answer gives an empty string.</summary>
    public static string ToSafeHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var html = new StringBuilder(markdown.Length + 64);
        var paragraph = new List<string>();
        string? list = null;
        foreach (var line in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
        {
            if (Heading().Match(line) is { Success: true } heading)
            {
                Flush(html, paragraph, ref list);
                var level = heading.Groups[1].Length;
                html.Append("<h").Append(level).Append('>');
                Inline(html, heading.Groups[2].Value.TrimEnd().TrimEnd('#').TrimEnd(), 0, links: true);
                html.Append("</h").Append(level).Append(">\n");
            }
            else if (ListItem().Match(line) is { Success: true } item)
            {
                FlushParagraph(html, paragraph);
                var kind = item.Groups[1].Success ? "ul" : "ol";
                if (list != kind)
                {
                    CloseList(html, ref list);
                    html.Append('<').Append(kind).Append(">\n");
                    list = kind;
                }

                html.Append("<li>");
                Inline(html, item.Groups[3].Value.Trim(), 0, links: true);
                html.Append("</li>\n");
            }
            else if (string.IsNullOrWhiteSpace(line))
            {
                Flush(html, paragraph, ref list);
            }
            else
            {
                CloseList(html, ref list);
                paragraph.Add(line.Trim());
            }
        }

        Flush(html, paragraph, ref list);
        return html.ToString().TrimEnd('\n');
    }

    private static void Flush(StringBuilder html, List<string> paragraph, ref string? list)
    {
        FlushParagraph(html, paragraph);
        CloseList(html, ref list);
    }

    private static void FlushParagraph(StringBuilder html, List<string> paragraph)
    {
        if (paragraph.Count == 0)
        {
            return;
        }

        html.Append("<p>");
        Inline(html, string.Join('\n', paragraph), 0, links: true);
        html.Append("</p>\n");
        paragraph.Clear();
    }

    private static void CloseList(StringBuilder html, ref string? list)
    {
        if (list is not null)
        {
            html.Append("</").Append(list).Append(">\n");
            list = null;
        }
    }

    /// <summary>Code spans, links and emphasis of one block; every other character escaped.</summary>
    private static void Inline(StringBuilder html, string text, int depth, bool links)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '`' && CodeSpan(html, text, ref i))
            {
                continue;
            }

            if (links && (c == '[' || (c == '!' && i + 1 < text.Length && text[i + 1] == '[')) && Link(html, text, ref i, depth))
            {
                continue;
            }

            if ((c == '*' || c == '_') && depth < MaxNesting && Emphasis(html, text, ref i, depth, links))
            {
                continue;
            }

            Escape(html, c);
            i++;
        }
    }

    private static bool CodeSpan(StringBuilder html, string text, ref int i)
    {
        var run = 1;
        while (i + run < text.Length && text[i + run] == '`')
        {
            run++;
        }

        var fence = new string('`', run);
        var close = text.IndexOf(fence, i + run, StringComparison.Ordinal);
        if (close < 0)
        {
            // An unclosed run is text, all of it (so ``` without an end is not read as a shorter fence).
            Escape(html, fence);
            i += run;
            return true;
        }

        html.Append("<code>");
        Escape(html, text[(i + run)..close].Trim());
        html.Append("</code>");
        i = close + run;
        return true;
    }

    // [text](address) and ![alt](address): the text is kept; the address only when its scheme is allowed. Images are not
    // part of the subset, so an image is its alt text.
    private static bool Link(StringBuilder html, string text, ref int i, int depth)
    {
        var image = text[i] == '!';
        var match = LinkAt().Match(text, image ? i + 1 : i);
        if (!match.Success || match.Index != (image ? i + 1 : i))
        {
            return false;
        }

        var label = match.Groups[1].Value;
        var address = match.Groups[2].Value.Trim();
        i = match.Index + match.Length;
        if (!image && IsAllowed(address))
        {
            html.Append("<a href=\"");
            Escape(html, address);
            html.Append("\" rel=\"noopener noreferrer nofollow\">");
            Inline(html, label, depth, links: false);
            html.Append("</a>");
        }
        else
        {
            Inline(html, label, depth, links: false);
        }

        return true;
    }

    private static bool IsAllowed(string address) =>
        address.Length > 0
        && !address.Any(ch => char.IsWhiteSpace(ch) || char.IsControl(ch))
        && Uri.TryCreate(address, UriKind.Absolute, out var uri)
        && AllowedSchemes.Contains(uri.Scheme, StringComparer.Ordinal)
        && address.StartsWith(uri.Scheme + ":", StringComparison.OrdinalIgnoreCase);

    // ** or __ for strong, * or _ for em. An opener is followed by a non-space, a closer preceded by one; an underscore inside
    // a word (file_name) is never a marker, as in FaqText.
    private static bool Emphasis(StringBuilder html, string text, ref int i, int depth, bool links)
    {
        var marker = text[i];
        var strong = i + 1 < text.Length && text[i + 1] == marker;
        var width = strong ? 2 : 1;
        var start = i + width;
        if (start >= text.Length || char.IsWhiteSpace(text[start]) || (marker == '_' && i > 0 && char.IsLetterOrDigit(text[i - 1])))
        {
            return false;
        }

        var close = FindCloser(text, start, marker, width);
        if (close < 0)
        {
            return false;
        }

        var tag = strong ? "strong" : "em";
        html.Append('<').Append(tag).Append('>');
        Inline(html, text[start..close], depth + 1, links);
        html.Append("</").Append(tag).Append('>');
        i = close + width;
        return true;
    }

    private static int FindCloser(string text, int from, char marker, int width)
    {
        for (var j = from + 1; j + width <= text.Length; j++)
        {
            if (text[j] == '`')
            {
                // Markers inside a code span are the code's.
                var end = text.IndexOf('`', j + 1);
                if (end < 0)
                {
                    return -1;
                }

                j = end;
                continue;
            }

            if (text[j] != marker || char.IsWhiteSpace(text[j - 1]))
            {
                continue;
            }

            var run = 1;
            while (j + run < text.Length && text[j + run] == marker)
            {
                run++;
            }

            var afterIsWord = j + run < text.Length && char.IsLetterOrDigit(text[j + run]);
            if (run == width && !(marker == '_' && afterIsWord))
            {
                return j;
            }

            // A run of another width belongs to another emphasis (nested or not closed): step over it.
            j += run - 1;
        }

        return -1;
    }

    private static void Escape(StringBuilder html, string text) => html.Append(FaqHtml.Escape(text));

    private static void Escape(StringBuilder html, char c) => FaqHtml.Append(html, c);

    [GeneratedRegex(@"^[ \t]{0,3}(#{1,6})[ \t]+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^[ \t]*(?:([-*+])|(\d{1,9}[.)]))[ \t]+(.*)$")]
    private static partial Regex ListItem();

    // A label without brackets; an address without line breaks, with parentheses one level deep at most (as in alert(1)).
    [GeneratedRegex(@"\G\[([^\[\]\n]*)\]\(((?:[^()\n]|\([^()\n]*\))*)\)")]
    private static partial Regex LinkAt();
}
