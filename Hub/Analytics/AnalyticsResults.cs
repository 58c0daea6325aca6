namespace LineaHub.Hub.Analytics;

/// <summary>How the cells of an answer were protected.</summary>
/// <param name="Applied">True for views across entities: cells below <paramref name="MinimumCellCount"/> are withheld.</param>
/// <param name="MinimumCellCount">The threshold, when applied.</param>
public sealed record SuppressionInfo(bool Applied, int? MinimumCellCount);

/// <param name="Bucket">hour, day, week or month.</param>
/// <param name="Source">What was read: a rollup cube by name, or <c>records</c> for hours.</param>
/// <param name="Series">One per combination of the grouped dimensions' values that has contacts.</param>
public sealed record TrendResult(
    string Bucket,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<string> GroupBy,
    string Source,
    SuppressionInfo Suppression,
    IReadOnlyList<TrendSeries> Series);

/// <param name="Group">Grouped dimension → value (empty when not grouped).</param>
/// <param name="Points">Buckets with contacts, in time order; a bucket not listed had none.</param>
public sealed record TrendSeries(IReadOnlyDictionary<string, string> Group, IReadOnlyList<TrendPoint> Points);

/// <param name="Start">The bucket's first day (ISO date: Monday for weeks, the 1st for months) or, for hours, its first
/// instant in Italian time (RFC 3339 with offset).</param>
/// <param name="Count">Contacts; null when suppressed.</param>
public sealed record TrendPoint(string Start, long? Count, bool Suppressed);

public sealed record TopCategoriesResult(
    DateOnly From,
    DateOnly To,
    DateOnly PreviousFrom,
    bool TopLevel,
    string Source,
    SuppressionInfo Suppression,
    IReadOnlyList<CategoryGrowth> Categories);

/// <param name="Count">Contacts in the period; null when suppressed.</param>
/// <param name="PreviousCount">Contacts in the previous period of equal length; null when suppressed.</param>
/// <param name="Growth">(count − previous) / previous; null when either is suppressed or previous is zero.</param>
public sealed record CategoryGrowth(
    string Category,
    long? Count,
    bool Suppressed,
    long? PreviousCount,
    bool PreviousSuppressed,
    double? Growth);

public sealed record DurationsResult(
    DateOnly From,
    DateOnly To,
    string? Bucket,
    IReadOnlyList<string> GroupBy,
    string Source,
    SuppressionInfo Suppression,
    IReadOnlyList<double> Percentiles,
    IReadOnlyList<DurationCell> Cells);

/// <param name="Start">The bucket's first day, or null for the whole range.</param>
/// <param name="Measure">firstResponse or resolution.</param>
/// <param name="Count">Contacts with this duration; null when suppressed.</param>
/// <param name="AverageSeconds">Exact mean (from the sums); null when suppressed.</param>
/// <param name="Percentiles">Read from log buckets of ratio 1.2, so within 10 % of the true value; empty when suppressed.</param>
public sealed record DurationCell(
    string? Start,
    IReadOnlyDictionary<string, string> Group,
    string Measure,
    long? Count,
    bool Suppressed,
    double? AverageSeconds,
    IReadOnlyList<PercentileValue> Percentiles);

public sealed record PercentileValue(double Percentile, double Seconds);
