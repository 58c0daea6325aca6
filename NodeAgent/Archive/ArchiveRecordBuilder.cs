using LineaHub.Schemas.Anonymisation;
using LineaHub.Schemas.Archive;
using LineaHub.Schemas.Taxonomy;

namespace LineaHub.NodeAgent.Archive;

/// <summary>
/// Turns a closed contact into the archive record the hub may store: text anonymised, citizen pseudonymised with the
/// node's secret, area coarse, times to the hour, durations from the exact times, taxonomy version current; then checked
/// with <see cref="ArchiveRecordRules"/>, the rules the hub applies again. Pure, so it is tested without a database.
/// Errors name the fields of <see cref="ClosedContact"/> (what the office sent), never their values.
/// </summary>
public static class ArchiveRecordBuilder
{
    // Record fields whose name differs from the closed contact's field the office filled in.
    private static readonly Dictionary<string, string> InputField = new(StringComparer.Ordinal)
    {
        ["recordId"] = "contactId",
        ["areaIstatCode"] = "istatCode",
        ["areaCell"] = "latitude",
    };

    public static ArchiveBuild Build(ClosedContact contact, ReadOnlySpan<byte> secret, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var errors = new List<ArchiveRecordError>();
        if (contact.ClosedAt < contact.OpenedAt)
        {
            errors.Add(Invalid("closedAt", "La chiusura precede l'apertura."));
        }

        var record = new ArchiveRecord(
            RecordId: contact.ContactId?.Trim(),
            TaxonomyVersion: TaxonomyCatalog.Current.Version,
            Category: contact.Category?.Trim(),
            Channel: contact.Channel?.Trim(),
            RequestType: contact.RequestType?.Trim(),
            Outcome: contact.Outcome?.Trim(),
            OpenedAt: contact.OpenedAt is { } opened ? ArchiveTime.ToHour(opened) : null,
            ClosedAt: contact.ClosedAt is { } closed ? ArchiveTime.ToHour(closed) : null,
            FirstResponseSeconds: Duration(errors, "firstResponseAt", contact.FirstResponseSeconds, contact.OpenedAt, contact.FirstResponseAt),
            ResolutionSeconds: Duration(errors, "resolvedAt", contact.ResolutionSeconds, contact.OpenedAt, contact.ResolvedAt),
            AreaIstatCode: contact.IstatCode?.Trim(),
            AreaCell: Cell(errors, contact),
            Citizen: Pseudonym(errors, contact.Citizen, secret),
            Text: string.IsNullOrWhiteSpace(contact.Text) ? null : TextAnonymiser.Anonymise(contact.Text.Trim()).Text,
            FaqIds: contact.FaqIds?.Select(id => id?.Trim() ?? string.Empty).ToList(),
            Satisfaction: contact.Satisfaction,
            EntityCode: string.IsNullOrWhiteSpace(contact.EntityCode) ? null : contact.EntityCode.Trim());

        foreach (var error in ArchiveRecordRules.Validate(record, now))
        {
            errors.Add(error with { Field = InputField.GetValueOrDefault(error.Field, error.Field) });
        }

        var distinct = errors.Distinct().ToList();
        return distinct.Count == 0 ? new ArchiveBuild(record, []) : new ArchiveBuild(null, distinct);
    }

    /// <summary>Seconds given, or from the exact times (before they are cut to the hour).</summary>
    private static int? Duration(List<ArchiveRecordError> errors, string timeField, int? seconds, DateTimeOffset? openedAt, DateTimeOffset? at)
    {
        if (seconds is not null || at is null || openedAt is null)
        {
            return seconds;
        }

        var elapsed = Math.Floor((at.Value - openedAt.Value).TotalSeconds);
        if (elapsed < 0 || elapsed > ArchiveRecordRules.MaxDurationSeconds)
        {
            errors.Add(Invalid(timeField, "L'ora deve essere dopo l'apertura e entro un anno da essa."));
            return null;
        }

        return (int)elapsed;
    }

    private static string? Cell(List<ArchiveRecordError> errors, ClosedContact contact)
    {
        if (contact.Latitude is null && contact.Longitude is null)
        {
            return null;
        }

        if (contact.Latitude is not { } latitude || contact.Longitude is not { } longitude)
        {
            errors.Add(Invalid(contact.Latitude is null ? "latitude" : "longitude", "Indicare latitudine e longitudine insieme, o nessuna delle due."));
            return null;
        }

        if (latitude is < -90 or > 90 || longitude is < -180 or > 180 || double.IsNaN(latitude) || double.IsNaN(longitude))
        {
            errors.Add(Invalid("latitude", "Latitudine tra -90 e 90, longitudine tra -180 e 180 (gradi decimali WGS 84)."));
            return null;
        }

        // Without a valid ISTAT code the rules report the code; the cell alone would mean nothing.
        var istat = contact.IstatCode?.Trim();
        return istat is { Length: 6 } && istat.All(char.IsAsciiDigit) ? CoarseArea.Of(istat, latitude, longitude).Cell : null;
    }

    private static string? Pseudonym(List<ArchiveRecordError> errors, string? citizen, ReadOnlySpan<byte> secret)
    {
        if (string.IsNullOrWhiteSpace(citizen))
        {
            return null;
        }

        if (!citizen.Any(char.IsLetterOrDigit))
        {
            errors.Add(Invalid("citizen", "L'identificativo del cittadino (codice fiscale, telefono o e-mail) non contiene lettere né cifre."));
            return null;
        }

        return CitizenPseudonym.Create(citizen, secret);
    }

    private static ArchiveRecordError Invalid(string field, string message) => new(field, "invalid", message);
}
