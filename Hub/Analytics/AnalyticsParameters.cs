using System.ComponentModel;
using System.Globalization;
using LineaHub.Hub.Archive;
using LineaHub.Hub.Errors;

namespace LineaHub.Hub.Analytics;

/// <summary>
/// Query-string parameters every analytics route shares. Values arrive as text and are parsed here, so a bad value
/// is answered with its field and reason (RFC 7807) rather than a bare binding failure. A list parameter may be
/// repeated (<c>category=a&amp;category=b</c>) or comma-separated (<c>category=a,b</c>).
/// </summary>
public class AnalyticsParameters
{
    [Description("First Italian day included, yyyy-MM-dd.")]
    public string? From { get; set; }

    [Description("First Italian day excluded, yyyy-MM-dd.")]
    public string? To { get; set; }

    [Description("Category codes; each matches its subtree (tributi matches tributi.tari).")]
    public string[]? Category { get; set; }

    [Description("Entity codes (ISTAT or IPA). A node may name only its own.")]
    public string[]? Entity { get; set; }

    [Description("Region codes (ISTAT, two digits).")]
    public string[]? Region { get; set; }

    public string[]? Channel { get; set; }

    public string[]? RequestType { get; set; }

    public string[]? Outcome { get; set; }

    [Description("ISTAT codes of the municipalities the contacts were about.")]
    public string[]? Area { get; set; }

    internal (DateOnly From, DateOnly To) Range(ValidationErrors errors) => (Date(errors, "from", From), Date(errors, "to", To));

    internal AnalyticsFilter Filter()
    {
        var values = new Dictionary<ArchiveDimension, IReadOnlyList<string>>();
        void Add(ArchiveDimension dimension, string[]? raw)
        {
            var list = List(raw);
            if (list.Count > 0)
            {
                values[dimension] = list;
            }
        }

        Add(ArchiveDimension.Category, Category);
        Add(ArchiveDimension.Entity, Entity);
        Add(ArchiveDimension.Region, Region);
        Add(ArchiveDimension.Channel, Channel);
        Add(ArchiveDimension.RequestType, RequestType);
        Add(ArchiveDimension.Outcome, Outcome);
        Add(ArchiveDimension.Area, Area);
        return new AnalyticsFilter(values);
    }

    internal static IReadOnlyList<string> List(string[]? raw) =>
        raw is null ? [] : [.. raw.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];

    internal static IReadOnlyList<TrendDimension> Dimensions(ValidationErrors errors, string[]? raw)
    {
        var dimensions = new List<TrendDimension>();
        foreach (var name in List(raw))
        {
            if (TrendDimensions.Parse(name) is { } dimension)
            {
                dimensions.Add(dimension);
            }
            else
            {
                errors.Add("groupBy", $"Dimensione sconosciuta '{Shorten(name)}': usare {string.Join(", ", TrendDimensions.All.Select(d => d.Name()))}.");
            }
        }

        return dimensions;
    }

    internal static TimeBucket? ParseBucket(ValidationErrors errors, string? raw, bool required)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            if (required)
            {
                errors.Add("bucket", "Obbligatorio: hour, day, week o month.");
            }

            return null;
        }

        if (Enum.TryParse<TimeBucket>(raw, ignoreCase: true, out var bucket) && Enum.IsDefined(bucket) && !int.TryParse(raw, out _))
        {
            return bucket;
        }

        errors.Add("bucket", $"Bucket sconosciuto '{Shorten(raw)}': usare hour, day, week o month.");
        return null;
    }

    private static DateOnly Date(ValidationErrors errors, string field, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            errors.Add(field, "Obbligatorio, nel formato yyyy-MM-dd.");
            return default;
        }

        if (!DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(field, "Data non valida: usare il formato yyyy-MM-dd.");
        }

        return date;
    }

    /// <summary>An unknown value is quoted back only in part: a query string is no place for long echoes.</summary>
    internal static string Shorten(string value) => value.Length <= 32 ? value : value[..32] + "…";
}

public sealed class TrendParameters : AnalyticsParameters
{
    [Description("hour (ranges up to 31 days), day, week (ISO, from Monday) or month.")]
    public string? Bucket { get; set; }

    [Description("Up to two of category, topCategory, entity, region, channel, requestType, outcome, area.")]
    public string[]? GroupBy { get; set; }

    internal TrendRequest ToRequest()
    {
        var errors = new ValidationErrors();
        var (from, to) = Range(errors);
        var bucket = ParseBucket(errors, Bucket, required: true);
        var groupBy = Dimensions(errors, GroupBy);
        errors.ThrowIfInvalid();
        return new TrendRequest(bucket!.Value, from, to, groupBy, Filter());
    }
}

public sealed class TopCategoriesParameters : AnalyticsParameters
{
    public const int DefaultLimit = 10;

    [Description("How many categories (default 10).")]
    public int? Limit { get; set; }

    [Description("Rank top-level categories (tributi) instead of leaf codes (tributi.tari).")]
    public bool? TopLevel { get; set; }

    internal TopCategoriesRequest ToRequest()
    {
        var errors = new ValidationErrors();
        var (from, to) = Range(errors);
        errors.ThrowIfInvalid();
        return new TopCategoriesRequest(from, to, Limit ?? DefaultLimit, TopLevel ?? false, Filter());
    }
}

public sealed class DurationsParameters : AnalyticsParameters
{
    [Description("day, week or month; none for one cell over the whole range.")]
    public string? Bucket { get; set; }

    [Description("Up to two of category, topCategory, entity, region.")]
    public string[]? GroupBy { get; set; }

    [Description("firstResponse, resolution (default both).")]
    public string[]? Measure { get; set; }

    [Description("Percentiles in (0, 100] (default 50,90,99).")]
    public string[]? Percentiles { get; set; }

    internal DurationsRequest ToRequest()
    {
        var errors = new ValidationErrors();
        var (from, to) = Range(errors);
        var bucket = ParseBucket(errors, Bucket, required: false);
        var groupBy = Dimensions(errors, GroupBy);
        var measures = new List<DurationMeasure>();
        foreach (var name in List(Measure))
        {
            if (string.Equals(name, "firstResponse", StringComparison.OrdinalIgnoreCase))
            {
                measures.Add(DurationMeasure.FirstResponse);
            }
            else if (string.Equals(name, "resolution", StringComparison.OrdinalIgnoreCase))
            {
                measures.Add(DurationMeasure.Resolution);
            }
            else
            {
                errors.Add("measure", $"Misura sconosciuta '{Shorten(name)}': usare firstResponse o resolution.");
            }
        }

        var percentiles = new List<double>();
        foreach (var text in List(Percentiles))
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                percentiles.Add(value);
            }
            else
            {
                errors.Add("percentiles", $"Non è un numero: '{Shorten(text)}'.");
            }
        }

        errors.ThrowIfInvalid();
        return new DurationsRequest(
            from, to, bucket, groupBy, Filter(),
            measures.Count > 0 ? measures : DurationsRequest.AllMeasures,
            percentiles.Count > 0 ? percentiles : DurationsRequest.DefaultPercentiles);
    }
}
