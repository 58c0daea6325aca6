using LineaHub.Schemas.Anonymisation;
using LineaHub.Schemas.Taxonomy;

namespace LineaHub.Schemas.Faq;

/// <summary>
/// What makes a <see cref="FaqSearchLogEntry"/> acceptable: an id, a query a search would accept and that carries no
/// personal data, a known category, a plausible time. The agent checks before it sends; the hub checks again as a
/// guard, because the search log is read by editors of other offices.
/// </summary>
public static class FaqSearchLogRules
{
    /// <summary>Every reason to refuse <paramref name="search"/>; empty when it is acceptable.</summary>
    /// <param name="search">The logged search.</param>
    /// <param name="now">The checker's clock.</param>
    /// <param name="clockSkew">How far in the future <see cref="FaqSearchLogEntry.At"/> may be (clocks differ).</param>
    public static IReadOnlyList<FaqSearchLogError> Validate(FaqSearchLogEntry search, DateTimeOffset now, TimeSpan clockSkew)
    {
        ArgumentNullException.ThrowIfNull(search);
        var errors = new List<FaqSearchLogError>();
        if (search.SearchId == Guid.Empty)
        {
            errors.Add(new FaqSearchLogError("searchId", "required", "Indicare l'identificativo della ricerca."));
        }

        CheckQuery(errors, search.Query);
        if (search.CategoryCode is { } category && !TaxonomyCatalog.Current.IsCategory(category))
        {
            errors.Add(new FaqSearchLogError("categoryCode", "unknown_code", "Categoria non presente nella tassonomia."));
        }

        if (search.TotalHits < 0)
        {
            errors.Add(new FaqSearchLogError("totalHits", "invalid", "Il numero di risultati non può essere negativo."));
        }

        if (search.At == default)
        {
            errors.Add(new FaqSearchLogError("at", "required", "Indicare quando è stata fatta la ricerca."));
        }
        else if (search.At > now + clockSkew)
        {
            errors.Add(new FaqSearchLogError("at", "invalid", "La ricerca risulta fatta nel futuro: controllare l'orologio dell'ufficio."));
        }

        return errors;
    }

    private static void CheckQuery(List<FaqSearchLogError> errors, string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            errors.Add(new FaqSearchLogError("query", "required", "Indicare il testo cercato."));
            return;
        }

        if (query.Length > FaqQueryRules.MaxQueryLength)
        {
            errors.Add(new FaqSearchLogError("query", "invalid", $"Il testo cercato supera i {FaqQueryRules.MaxQueryLength} caratteri."));
            return;
        }

        // Name the kinds found, never the text itself: the refusal is logged and sent back.
        if (TextAnonymiser.DescribePersonalData(query) is { } kinds)
        {
            errors.Add(new FaqSearchLogError("query", "personal_data", $"Il testo cercato contiene ancora dati personali ({kinds}): anonimizzarlo prima dell'invio."));
        }
    }
}
