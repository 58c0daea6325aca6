using LineaHub.Hub.Archive;

namespace LineaHub.Hub.Analytics;

/// <summary>
/// Values each dimension must take (any of them); a dimension absent or with no values is not filtered. A category
/// value matches the category and everything under it: <c>tributi</c> matches <c>tributi.tari</c>.
/// </summary>
public sealed record AnalyticsFilter(IReadOnlyDictionary<ArchiveDimension, IReadOnlyList<string>> Values)
{
    public static AnalyticsFilter None { get; } = new(new Dictionary<ArchiveDimension, IReadOnlyList<string>>());

    /// <summary>The dimensions actually filtered.</summary>
    public IEnumerable<ArchiveDimension> Dimensions => Values.Where(v => v.Value.Count > 0).Select(v => v.Key);

    public IReadOnlyList<string> Of(ArchiveDimension dimension) =>
        Values.TryGetValue(dimension, out var values) ? values : [];

    public AnalyticsFilter With(ArchiveDimension dimension, IReadOnlyList<string> values)
    {
        var copy = Values.ToDictionary();
        copy[dimension] = values;
        return new AnalyticsFilter(copy);
    }
}
