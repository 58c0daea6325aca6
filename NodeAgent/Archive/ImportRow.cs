using System.Globalization;
using LineaHub.Schemas.Archive;

namespace LineaHub.NodeAgent.Archive;

/// <summary>
/// One CSV row as a <see cref="ClosedContact"/>, Italian-friendly: times in ISO 8601 (with or without an offset) or
/// <c>dd/MM/yyyy HH:mm[:ss]</c>, those without an offset in Europe/Rome time; decimals with a point or a comma; FAQ ids
/// separated by <c>|</c> or <c>,</c>. A cell that does not parse is an error naming the column, never quoting the cell.
/// </summary>
public static class ImportRow
{
    private static readonly string[] ItalianFormats = ["dd/MM/yyyy HH:mm", "dd/MM/yyyy HH:mm:ss", "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss"];

    /// <summary>Where times without an offset were taken: the office's clock.</summary>
    public static TimeZoneInfo Rome { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    public static (ClosedContact Contact, IReadOnlyList<ArchiveRecordError> Errors) Parse(IReadOnlyList<string> row, ImportColumns columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var errors = new List<ArchiveRecordError>();
        string? Text(string column) => columns.Cell(row, column);
        DateTimeOffset? Time(string column) => Parsed<DateTimeOffset>(errors, column, Text(column), TryParseTime,
            "Data e ora non riconosciute: usare AAAA-MM-GGTHH:MM (ISO 8601) oppure GG/MM/AAAA HH:MM (ora italiana).");
        int? Integer(string column) => Parsed<int>(errors, column, Text(column),
            (string value, out int parsed) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out parsed),
            "Numero intero non riconosciuto.");
        double? Decimal(string column) => Parsed<double>(errors, column, Text(column),
            (string value, out double parsed) => double.TryParse(value.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out parsed),
            "Numero decimale non riconosciuto (gradi decimali, es. 42,3498).");

        var contact = new ClosedContact(
            ContactId: Text(ImportColumns.ContactId),
            Category: Text(ImportColumns.Category),
            Channel: Text(ImportColumns.Channel),
            RequestType: Text(ImportColumns.RequestType),
            Outcome: Text(ImportColumns.Outcome),
            OpenedAt: Time(ImportColumns.OpenedAt),
            ClosedAt: Time(ImportColumns.ClosedAt),
            FirstResponseAt: Time(ImportColumns.FirstResponseAt),
            FirstResponseSeconds: Integer(ImportColumns.FirstResponseSeconds),
            ResolvedAt: Time(ImportColumns.ResolvedAt),
            ResolutionSeconds: Integer(ImportColumns.ResolutionSeconds),
            Citizen: Text(ImportColumns.Citizen),
            IstatCode: Text(ImportColumns.IstatCode),
            Latitude: Decimal(ImportColumns.Latitude),
            Longitude: Decimal(ImportColumns.Longitude),
            Text: Text(ImportColumns.Text),
            FaqIds: Text(ImportColumns.FaqIds)?.Split(['|', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Satisfaction: Integer(ImportColumns.Satisfaction),
            EntityCode: Text(ImportColumns.EntityCode));
        return (contact, errors);
    }

    /// <summary>ISO 8601 (an offset or Z is kept; without one, Rome time) or Italian day/month/year, Rome time.</summary>
    public static bool TryParseTime(string value, out DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (DateTime.TryParseExact(value, ItalianFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var italian))
        {
            at = InRome(italian);
            return true;
        }

        if (value.Length >= 10 && value[4] == '-'
            && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var iso))
        {
            at = iso.Kind == DateTimeKind.Unspecified ? InRome(iso) : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);
            return true;
        }

        at = default;
        return false;
    }

    // A time that occurs twice when clocks go back takes the standard (winter) offset; one skipped in spring, too.
    private static DateTimeOffset InRome(DateTime local) => new(local, Rome.GetUtcOffset(local));

    private static T? Parsed<T>(List<ArchiveRecordError> errors, string column, string? cell, TryParse<T> parse, string message)
        where T : struct
    {
        if (cell is null)
        {
            return null;
        }

        if (parse(cell, out var value))
        {
            return value;
        }

        errors.Add(new ArchiveRecordError(column, "invalid", message));
        return null;
    }

    private delegate bool TryParse<T>(string value, out T parsed);
}
