using LineaHub.Hub.Archive;

namespace LineaHub.Hub.Analytics;

/// <summary>Contacts per time bucket over [<paramref name="From"/>, <paramref name="To"/>), Italian days.</summary>
/// <param name="GroupBy">None, one or two dimensions.</param>
public sealed record TrendRequest(
    TimeBucket Bucket,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<TrendDimension> GroupBy,
    AnalyticsFilter Filter);

/// <summary>The categories with most contacts in [<paramref name="From"/>, <paramref name="To"/>) and their growth
/// against the period of equal length just before.</summary>
/// <param name="TopLevel">Rank top-level categories (<c>tributi</c>) instead of leaf codes (<c>tributi.tari</c>).</param>
public sealed record TopCategoriesRequest(
    DateOnly From,
    DateOnly To,
    int Limit,
    bool TopLevel,
    AnalyticsFilter Filter);

/// <summary>First-response and resolution times (percentiles from the histograms, averages from the sums).</summary>
/// <param name="Bucket">Null for one cell over the whole range; hours are not available.</param>
/// <param name="Percentiles">Each in (0, 100].</param>
public sealed record DurationsRequest(
    DateOnly From,
    DateOnly To,
    TimeBucket? Bucket,
    IReadOnlyList<TrendDimension> GroupBy,
    AnalyticsFilter Filter,
    IReadOnlyList<DurationMeasure> Measures,
    IReadOnlyList<double> Percentiles)
{
    public static IReadOnlyList<double> DefaultPercentiles { get; } = [50, 90, 99];

    public static IReadOnlyList<DurationMeasure> AllMeasures { get; } = [DurationMeasure.FirstResponse, DurationMeasure.Resolution];
}
