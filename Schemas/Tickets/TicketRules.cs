using LineaHub.Schemas.Anonymisation;
using LineaHub.Schemas.Taxonomy;

namespace LineaHub.Schemas.Tickets;

/// <summary>
/// What makes a new ticket acceptable, checked the same way by the agent (before it gives the citizen a
/// code) and by the hub. Shape problems and unknown taxonomy codes are reported apart: the hub answers
/// 400 for the first and 422 for the second.
/// </summary>
public static class TicketRules
{
    /// <summary>Longest anonymised summary, in characters.</summary>
    public const int MaxSummaryLength = 2000;

    /// <summary>Longest reason of a history entry.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>Per-field problems (Italian) of a request to open a ticket; both empty when it is acceptable.</summary>
    public static (IReadOnlyDictionary<string, string[]> Invalid, IReadOnlyDictionary<string, string[]> Unknown) Check(
        OpenTicketRequest request, DateTimeOffset now, int maxSlaDays)
    {
        var invalid = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Required(invalid, "category", request.Category);
        Required(invalid, "channel", request.Channel);
        Required(invalid, "requestType", request.RequestType);
        Required(invalid, "summary", request.Summary);
        if (request.Summary is { Length: > MaxSummaryLength })
        {
            invalid["summary"] = [$"Al massimo {MaxSummaryLength} caratteri."];
        }
        else if (request.Summary is not null && TextAnonymiser.DescribePersonalData(request.Summary) is { } kinds)
        {
            invalid["summary"] = [PersonalData(kinds)];
        }

        if (request.SlaDueAt is null)
        {
            invalid["slaDueAt"] = ["Campo obbligatorio."];
        }
        else if (request.SlaDueAt <= now)
        {
            invalid["slaDueAt"] = ["La scadenza deve essere nel futuro."];
        }
        else if (request.SlaDueAt > now.AddDays(maxSlaDays))
        {
            invalid["slaDueAt"] = [$"La scadenza non può superare {maxSlaDays} giorni."];
        }

        if (request.Language is not null && (request.Language.Length != 2 || !request.Language.All(char.IsAsciiLetterLower)))
        {
            invalid["language"] = ["Un codice ISO 639-1 (due lettere minuscole)."];
        }

        if (request.Code is not null && TicketCode.Parse(request.Code) is { Status: not TicketCodeParseStatus.Valid } code)
        {
            invalid["code"] = [code.Reason ?? "Codice di ticket non valido."];
        }

        var unknown = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (invalid.Count == 0)
        {
            var taxonomy = TaxonomyCatalog.Current;
            if (!taxonomy.IsCategory(request.Category!))
            {
                unknown["category"] = [$"'{request.Category}' non è una categoria della tassonomia {taxonomy.Version}."];
            }

            if (!taxonomy.IsChannel(request.Channel!))
            {
                unknown["channel"] = [$"'{request.Channel}' non è un canale della tassonomia {taxonomy.Version}."];
            }

            if (!taxonomy.IsRequestType(request.RequestType!))
            {
                unknown["requestType"] = [$"'{request.RequestType}' non è un tipo di richiesta della tassonomia {taxonomy.Version}."];
            }
        }

        return (invalid, unknown);
    }

    /// <summary>Per-field problems (Italian) of a request to move a ticket; empty when it is acceptable.</summary>
    public static IReadOnlyDictionary<string, string[]> Check(TicketEventRequest request)
    {
        var invalid = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Action is null || !TicketActions.All.Contains(request.Action))
        {
            invalid["action"] = [$"Valori ammessi: {string.Join(", ", TicketActions.All)}."];
        }

        if (request.Reason is { Length: > MaxReasonLength })
        {
            invalid["reason"] = [$"Al massimo {MaxReasonLength} caratteri."];
        }
        else if (request.Reason is not null && TextAnonymiser.DescribePersonalData(request.Reason) is { } kinds)
        {
            invalid["reason"] = [PersonalData(kinds)];
        }

        return invalid;
    }

    /// <summary>Summaries and reasons are shared with every office: they say what, never who.</summary>
    private static string PersonalData(string kinds) =>
        $"Contiene ancora dati personali ({kinds}): descrivere la richiesta, non chi la fa.";

    private static void Required(Dictionary<string, string[]> problems, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems[field] = ["Campo obbligatorio."];
        }
    }
}
