using System.Globalization;
using System.Text.RegularExpressions;
using LineaHub.Hub.Errors;
using LineaHub.Schemas.Geography;
using LineaHub.Schemas.Nodes;
using LineaHub.Schemas.Taxonomy;

namespace LineaHub.Hub.Nodes;

/// <summary>
/// Checks a node registration: shape first (400), then codes against the taxonomy (422), so a caller
/// fixes typos before learning that a category does not exist.
/// </summary>
public static partial class NodeRequestValidator
{
    private const int MaxListLength = 100;

    public static void Validate(CreateNodeRequest request)
    {
        var errors = new ValidationErrors();
        errors.Required("name", request.Name);
        if (request.Name is { Length: > 200 })
        {
            errors.Add("name", "Al massimo 200 caratteri.");
        }

        if (request.Kind is null || !NodeKinds.All.Contains(request.Kind))
        {
            errors.Add("kind", $"Valori ammessi: {string.Join(", ", NodeKinds.All)}.");
        }
        else if (!IsValidCode(request.Kind, request.Code))
        {
            errors.Add("code", request.Kind switch
            {
                NodeKinds.Regione => "Per una regione: il codice ISTAT di due cifre (es. 13).",
                NodeKinds.Provincia => "Per una provincia: il codice ISTAT di tre cifre (es. 066).",
                NodeKinds.Comune => "Per un comune: il codice ISTAT di sei cifre (es. 066032).",
                _ => "Per un ente: il codice IPA (da 2 a 20 lettere minuscole, cifre o _).",
            });
        }

        if (request.RegionCode is null || !ItalianRegions.IsRegion(request.RegionCode))
        {
            errors.Add("regionCode", "Il codice ISTAT della regione, di due cifre (da 01 a 20).");
        }
        else if (request.Kind == NodeKinds.Regione && request.Code != request.RegionCode)
        {
            errors.Add("regionCode", "Per una regione coincide con il codice del nodo.");
        }

        ValidateList(errors, "competences", request.Competences);
        if (request.Languages is { Count: 0 })
        {
            errors.Add("languages", "Indicare almeno una lingua.");
        }

        ValidateList(errors, "languages", request.Languages);
        foreach (var language in request.Languages ?? [])
        {
            if (!LanguagePattern().IsMatch(language ?? string.Empty))
            {
                errors.Add("languages", $"'{language}' non è un codice ISO 639-1 (due lettere minuscole).");
            }
        }

        ValidateOpeningHours(errors, request.OpeningHours);
        errors.ThrowIfInvalid();

        var unknown = new ValidationErrors();
        foreach (var competence in request.Competences ?? [])
        {
            if (!TaxonomyCatalog.Current.IsCategory(competence))
            {
                unknown.Add("competences", $"'{competence}' non è una categoria della tassonomia {TaxonomyCatalog.Current.Version}.");
            }
        }

        unknown.ThrowIfUnprocessable();
    }

    public static bool IsValidCode(string kind, string? code) => code is not null && kind switch
    {
        NodeKinds.Regione => ItalianRegions.IsRegion(code),
        NodeKinds.Provincia => DigitsPattern3().IsMatch(code),
        NodeKinds.Comune => DigitsPattern6().IsMatch(code),
        NodeKinds.Ente => IpaPattern().IsMatch(code),
        _ => false,
    };

    private static void ValidateList(ValidationErrors errors, string field, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        if (values.Count > MaxListLength)
        {
            errors.Add(field, $"Al massimo {MaxListLength} valori.");
        }

        if (values.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(field, "Valori vuoti non ammessi.");
        }

        if (values.Distinct(StringComparer.Ordinal).Count() != values.Count)
        {
            errors.Add(field, "Valori ripetuti.");
        }
    }

    private static void ValidateOpeningHours(ValidationErrors errors, IReadOnlyList<OpeningHours>? hours)
    {
        if (hours is null)
        {
            return;
        }

        if (hours.Count > 50)
        {
            errors.Add("openingHours", "Al massimo 50 fasce orarie.");
        }

        for (var i = 0; i < hours.Count; i++)
        {
            var window = hours[i];
            var field = $"openingHours[{i}]";
            if (window is null)
            {
                errors.Add(field, "Fascia oraria vuota.");
                continue;
            }

            if (window.Day is < 1 or > 7)
            {
                errors.Add(field, "day: da 1 (lunedì) a 7 (domenica).");
            }

            if (!TryParseTime(window.Opens, out var opens) || !TryParseTime(window.Closes, out var closes))
            {
                errors.Add(field, "opens e closes nel formato HH:mm.");
            }
            else if (closes <= opens)
            {
                errors.Add(field, "closes deve essere successivo a opens.");
            }
        }
    }

    public static bool TryParseTime(string? value, out TimeOnly time) =>
        TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguagePattern();

    [GeneratedRegex("^[0-9]{3}$")]
    private static partial Regex DigitsPattern3();

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex DigitsPattern6();

    [GeneratedRegex("^[a-z0-9_]{2,20}$")]
    private static partial Regex IpaPattern();
}
