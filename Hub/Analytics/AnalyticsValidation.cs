using System.Globalization;
using LineaHub.Hub.Archive;
using LineaHub.Hub.Errors;

namespace LineaHub.Hub.Analytics;

/// <summary>Checks every analytics request shares, with reasons an analyst can act on (400, field by field).</summary>
internal static class AnalyticsValidation
{
    /// <summary>Longest value of any dimension (a category code).</summary>
    private const int MaxValueLength = 64;

    public static void CheckRange(ValidationErrors errors, DateOnly from, DateOnly to, int maxDays, string why = "")
    {
        if (from >= to)
        {
            errors.Add("to", "'to' deve essere successivo a 'from' (intervallo [from, to), date in ora italiana).");
        }
        else if (to.DayNumber - from.DayNumber > maxDays)
        {
            errors.Add("to", string.Create(CultureInfo.InvariantCulture,
                $"Intervallo troppo lungo: al massimo {maxDays} giorni{why}."));
        }
    }

    public static void CheckGroupBy(ValidationErrors errors, IReadOnlyList<TrendDimension> groupBy)
    {
        if (groupBy.Count > 2)
        {
            errors.Add("groupBy", "Si può raggruppare per al massimo due dimensioni.");
        }

        if (groupBy.Distinct().Count() != groupBy.Count
            || (groupBy.Contains(TrendDimension.Category) && groupBy.Contains(TrendDimension.TopCategory)))
        {
            errors.Add("groupBy", "Ogni dimensione una volta sola (category e topCategory insieme non hanno senso).");
        }
    }

    public static void CheckFilter(ValidationErrors errors, AnalyticsFilter filter, int maxValues)
    {
        foreach (var (dimension, values) in filter.Values)
        {
            var field = dimension.Name();
            if (values.Count > maxValues)
            {
                errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"Al massimo {maxValues} valori per filtro."));
            }

            if (values.Any(v => string.IsNullOrWhiteSpace(v) || v.Length > MaxValueLength))
            {
                errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"Valori vuoti o più lunghi di {MaxValueLength} caratteri."));
            }
        }
    }

    /// <summary>The stored dimensions a query needs a rollup to keep: what it groups by and what it filters on.</summary>
    public static IEnumerable<ArchiveDimension> Needed(IEnumerable<TrendDimension> groupBy, AnalyticsFilter filter) =>
        groupBy.Select(d => d.Stored()).Concat(filter.Dimensions).Distinct();
}
