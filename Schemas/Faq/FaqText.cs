using System.Text;
using System.Text.RegularExpressions;

namespace LineaHub.Schemas.Faq;

/// <summary>
/// Plain text of an answer written in the safe Markdown subset (emphasis, headings, lists, links, code spans),
/// which is what the index analyses and what snippets are cut from: markup is neither searchable nor shown.
/// </summary>
public static partial class FaqText
{
    /// <summary>The answer without Markdown markup, whitespace collapsed.</summary>
    public static string ToPlainText(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var text = Link().Replace(markdown, "$1");
        text = LineMarker().Replace(text, string.Empty);
        text = Emphasis().Replace(text, string.Empty);
        var builder = new StringBuilder(text.Length);
        var lastWasSpace = true;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
            }
            else
            {
                builder.Append(c);
                lastWasSpace = false;
            }
        }

        return builder.ToString().TrimEnd();
    }

    // [text](url) and ![alt](url): keep the text.
    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    // Headings, quotes and list markers at the start of a line.
    [GeneratedRegex(@"(?m)^[ \t]*(#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+)")]
    private static partial Regex LineMarker();

    // Emphasis and code markers; a lone '*' or '_' inside a word (e.g. file_name) stays.
    [GeneratedRegex(@"(\*\*|__|`+|(?<!\w)[*_]|[*_](?!\w))")]
    private static partial Regex Emphasis();
}
