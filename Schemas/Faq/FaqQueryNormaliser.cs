namespace LineaHub.Schemas.Faq;

/// <summary>
/// The form under which logged queries are grouped: the FAQ's own analysis (<see cref="ItalianFaqAnalyzer"/>), so
/// case, accents, elision, stop words and singular/plural do not split one question into several groups
/// ("Dov'è l'ufficio TARI?" and "dove e ufficio tari" are one group), and neither does word order ("TARI scadenza"
/// and "scadenza della TARI" are one group).
/// </summary>
public static class FaqQueryNormaliser
{
    /// <summary>Longest normalised form kept; analysis never lengthens a query past its own length.</summary>
    public const int MaxLength = FaqQueryRules.MaxQueryLength;

    private static readonly ItalianFaqAnalyzer Analyzer = new();

    /// <summary>
    /// The distinct analysed terms of <paramref name="query"/>, in ordinal order, joined by single spaces. A query made only of stop words keeps
    /// its folded, lower-case words instead, so that it still forms a group of its own.
    /// </summary>
    public static string Normalise(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var terms = FaqAnalysis.Terms(Analyzer, query);
        var normalised = terms.Length > 0
            ? string.Join(' ', terms.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            : string.Join(' ', ItalianFaqAnalyzer.Fold(query).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return normalised.Length <= MaxLength ? normalised : normalised[..MaxLength];
    }
}
