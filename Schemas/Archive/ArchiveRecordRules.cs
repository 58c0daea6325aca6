using System.Globalization;
using LineaHub.Schemas.Anonymisation;

namespace LineaHub.Schemas.Archive;

/// <summary>
/// What makes an <see cref="ArchiveRecord"/> acceptable: a complete, known classification; times to the hour; a coarse
/// area; and no personal data left anywhere. The agent checks a record before it sends it (an import reports the rows it
/// would refuse); the hub checks again as a guard, because what reaches the archive must be anonymous whoever sent it.
/// </summary>
public static class ArchiveRecordRules
{
    /// <summary>Records in one batch at most.</summary>
    public const int MaxRecordsPerBatch = 1000;

    /// <summary>Longest record id.</summary>
    public const int MaxRecordIdLength = 64;

    /// <summary>Longest redacted text, in characters.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>FAQ ids per record at most.</summary>
    public const int MaxFaqIds = 20;

    /// <summary>Longest duration accepted (a year): longer is a clock or unit error.</summary>
    public const int MaxDurationSeconds = 366 * 24 * 3600;

    /// <summary>How far in the future a closing hour may be (clocks differ; an hour is the archive's precision).</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromHours(1);

    /// <summary>
    /// Every reason to refuse <paramref name="record"/>; empty when it is acceptable.
    /// <paramref name="now"/> bounds the closing time.
    /// </summary>
    public static IReadOnlyList<ArchiveRecordError> Validate(ArchiveRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        var errors = new List<ArchiveRecordError>();
        CheckIdentifier(errors, "recordId", record.RecordId, required: true);
        CheckClassification(errors, record);
        CheckTimes(errors, record, now);
        CheckDuration(errors, "firstResponseSeconds", record.FirstResponseSeconds);
        CheckDuration(errors, "resolutionSeconds", record.ResolutionSeconds);
        CheckArea(errors, record);
        CheckCitizen(errors, record.Citizen);
        CheckText(errors, record.Text);
        CheckFaqIds(errors, record.FaqIds);
        if (record.Satisfaction is { } satisfaction && satisfaction is < 1 or > 5)
        {
            errors.Add(Invalid("satisfaction", "La soddisfazione va da 1 a 5."));
        }

        if (record.EntityCode is { } entity && (entity.Length is 0 or > 16 || !entity.All(char.IsAsciiLetterOrDigit)))
        {
            errors.Add(Invalid("entityCode", "Il codice ente è un codice ISTAT o IPA (fino a 16 lettere o cifre)."));
        }

        return errors;
    }

    private static void CheckClassification(List<ArchiveRecordError> errors, ArchiveRecord record)
    {
        if (string.IsNullOrWhiteSpace(record.TaxonomyVersion))
        {
            errors.Add(Required("taxonomyVersion", "Indicare la versione della tassonomia."));
            return;
        }

        var taxonomy = Taxonomy.TaxonomyCatalog.Find(record.TaxonomyVersion);
        if (taxonomy is null)
        {
            errors.Add(new ArchiveRecordError("taxonomyVersion", "unknown_code", "Versione della tassonomia sconosciuta."));
            return;
        }

        CheckCode(errors, "category", record.Category, taxonomy.IsCategory, "categoria");
        CheckCode(errors, "channel", record.Channel, taxonomy.IsChannel, "canale");
        CheckCode(errors, "requestType", record.RequestType, taxonomy.IsRequestType, "tipo di richiesta");
        CheckCode(errors, "outcome", record.Outcome, taxonomy.IsOutcome, "esito");
    }

    private static void CheckCode(List<ArchiveRecordError> errors, string field, string? code, Func<string, bool> known, string what)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add(Required(field, $"Indicare {what}."));
        }
        else if (!known(code))
        {
            errors.Add(new ArchiveRecordError(field, "unknown_code", $"Codice di {what} non presente nella tassonomia."));
        }
    }

    private static void CheckTimes(List<ArchiveRecordError> errors, ArchiveRecord record, DateTimeOffset now)
    {
        CheckHour(errors, "openedAt", record.OpenedAt);
        CheckHour(errors, "closedAt", record.ClosedAt);
        if (record.OpenedAt is { } opened && record.ClosedAt is { } closed)
        {
            if (closed < opened)
            {
                errors.Add(Invalid("closedAt", "La chiusura precede l'apertura."));
            }

            if (closed > now + FutureTolerance)
            {
                errors.Add(Invalid("closedAt", "La chiusura è nel futuro."));
            }
        }
    }

    private static void CheckHour(List<ArchiveRecordError> errors, string field, DateTimeOffset? at)
    {
        if (at is null)
        {
            errors.Add(Required(field, "Indicare l'ora (UTC, arrotondata all'ora)."));
        }
        else if (at.Value != ArchiveTime.ToHour(at.Value))
        {
            errors.Add(new ArchiveRecordError(field, "too_precise", "Nell'archivio gli orari si registrano all'ora: minuti e secondi devono essere zero."));
        }
    }

    private static void CheckDuration(List<ArchiveRecordError> errors, string field, int? seconds)
    {
        if (seconds is { } value && value is < 0 or > MaxDurationSeconds)
        {
            errors.Add(Invalid(field, "La durata in secondi va da 0 a un anno."));
        }
    }

    private static void CheckArea(List<ArchiveRecordError> errors, ArchiveRecord record)
    {
        if (string.IsNullOrEmpty(record.AreaIstatCode))
        {
            errors.Add(Required("areaIstatCode", "Indicare il codice ISTAT del comune."));
        }
        else if (record.AreaIstatCode.Length != 6 || !record.AreaIstatCode.All(char.IsAsciiDigit))
        {
            errors.Add(Invalid("areaIstatCode", "Il codice ISTAT del comune ha sei cifre."));
        }

        if (record.AreaCell is { } cell && !IsCell(cell))
        {
            errors.Add(new ArchiveRecordError("areaCell", "too_precise", "La cella è nella forma 'riga:colonna' della griglia di circa 500 m; nessuna coordinata."));
        }
    }

    /// <summary><c>row:column</c> as <see cref="CoarseArea.Of"/> writes it: two integers, nothing finer.</summary>
    private static bool IsCell(string cell)
    {
        var colon = cell.IndexOf(':', StringComparison.Ordinal);
        return cell.Length <= 24
            && colon > 0
            && long.TryParse(cell.AsSpan(0, colon), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            && long.TryParse(cell.AsSpan(colon + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
    }

    private static void CheckCitizen(List<ArchiveRecordError> errors, string? citizen)
    {
        if (citizen is not null
            && (citizen.Length != CitizenPseudonym.Length || !citizen.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            errors.Add(new ArchiveRecordError(
                "citizen",
                "personal_data",
                $"Il cittadino si indica solo con lo pseudonimo calcolato dal nodo ({CitizenPseudonym.Length} caratteri base64url), mai con un identificativo."));
        }
    }

    private static void CheckText(List<ArchiveRecordError> errors, string? text)
    {
        if (text is null)
        {
            return;
        }

        if (text.Length > MaxTextLength)
        {
            errors.Add(Invalid("text", $"Il testo supera i {MaxTextLength} caratteri."));
            return;
        }

        // Name the kinds found, never the text itself: the refusal is logged and sent back.
        if (TextAnonymiser.DescribePersonalData(text) is { } kinds)
        {
            errors.Add(new ArchiveRecordError("text", "personal_data", $"Il testo contiene ancora dati personali ({kinds}): anonimizzarlo prima dell'invio."));
        }
    }

    private static void CheckFaqIds(List<ArchiveRecordError> errors, IReadOnlyList<string>? faqIds)
    {
        if (faqIds is null)
        {
            return;
        }

        if (faqIds.Count > MaxFaqIds)
        {
            errors.Add(Invalid("faqIds", $"Al massimo {MaxFaqIds} FAQ per contatto."));
            return;
        }

        foreach (var id in faqIds)
        {
            CheckIdentifier(errors, "faqIds", id, required: true);
        }
    }

    private static void CheckIdentifier(List<ArchiveRecordError> errors, string field, string? value, bool required)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                errors.Add(Required(field, "Indicare un identificativo."));
            }

            return;
        }

        if (value.Length > MaxRecordIdLength || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add(Invalid(field, $"Un identificativo ha da 1 a {MaxRecordIdLength} lettere, cifre, '-', '_' o '.'."));
        }
        else if (TextAnonymiser.ContainsPersonalData(value))
        {
            errors.Add(new ArchiveRecordError(field, "personal_data", "Un identificativo non può essere un dato personale (codice fiscale, telefono, …)."));
        }
    }

    private static ArchiveRecordError Required(string field, string message) => new(field, "required", message);

    private static ArchiveRecordError Invalid(string field, string message) => new(field, "invalid", message);
}
