using System.Text;

namespace LineaHub.Schemas.Faq;

/// <summary>
/// HTML escaping for what the FAQ shows (snippets, rendered answers): only the five characters that matter in HTML text
/// and attribute values; accented letters stay as they are.
/// </summary>
internal static class FaqHtml
{
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("<>&\"'") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            Append(builder, c);
        }

        return builder.ToString();
    }

    /// <summary>Appends <paramref name="text"/> escaped.</summary>
    public static StringBuilder Append(StringBuilder html, ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var special = text.IndexOfAny("<>&\"'");
            if (special < 0)
            {
                return html.Append(text);
            }

            html.Append(text[..special]);
            Append(html, text[special]);
            text = text[(special + 1)..];
        }

        return html;
    }

    public static StringBuilder Append(StringBuilder html, char c) => c switch
    {
        '<' => html.Append("&lt;"),
        '>' => html.Append("&gt;"),
        '&' => html.Append("&amp;"),
        '"' => html.Append("&quot;"),
        '\'' => html.Append("&#39;"),
        _ => html.Append(c),
    };
}
