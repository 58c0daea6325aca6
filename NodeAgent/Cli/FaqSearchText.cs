using System.Net;
using System.Text.RegularExpressions;
using LineaHub.NodeAgent.Faq;

namespace LineaHub.NodeAgent.Cli;

/// <summary>A FAQ search as the command line shows it, in Italian: question, snippet as plain text, id.</summary>
public static partial class FaqSearchText
{
    public static void Write(TextWriter output, LocalFaqSearchResponse result)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Stale)
        {
            output.WriteLine(result.LastSyncAt is { } last
                ? $"Attenzione: copia locale delle FAQ non aggiornata dall'hub dal {last:u}; le risposte potrebbero essere superate."
                : "Attenzione: copia locale delle FAQ mai aggiornata dall'hub; le risposte potrebbero mancare o essere superate.");
        }

        if (result.Hits.Count == 0)
        {
            output.WriteLine("Nessuna FAQ trovata.");
            return;
        }

        output.WriteLine(result.TotalHits > result.Hits.Count
            ? $"{result.Hits.Count} FAQ mostrate su {result.TotalHits} trovate:"
            : $"{result.Hits.Count} FAQ trovate:");
        var position = 0;
        foreach (var hit in result.Hits)
        {
            output.WriteLine();
            output.WriteLine($"{++position}. {hit.Question}");
            output.WriteLine($"   {PlainText(hit.Snippet)}");
            output.WriteLine($"   id {hit.Id} · {hit.CategoryCode}");
        }

        output.WriteLine();
        output.WriteLine($"Ricerca {result.SearchId} (per la valutazione della risposta).");
    }

    /// <summary>A snippet (HTML-escaped, matches in <c>mark</c>) as the terminal shows it.</summary>
    internal static string PlainText(string snippet) => WebUtility.HtmlDecode(Tag().Replace(snippet, string.Empty));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
