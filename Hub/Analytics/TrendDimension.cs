using LineaHub.Hub.Archive;

namespace LineaHub.Hub.Analytics;

/// <summary>What a query can group by: the archive's dimensions plus the top-level category.</summary>
public enum TrendDimension
{
    Category,

    /// <summary>The category's top level: the code before the first '.' (<c>tributi</c> for <c>tributi.tari</c>).</summary>
    TopCategory,
    Entity,
    Region,
    Channel,
    RequestType,
    Outcome,
    Area,
}

public static class TrendDimensions
{
    /// <summary>The names used on the wire (query strings, JSON keys), in the order of the enum.</summary>
    public static string Name(this TrendDimension dimension) => dimension switch
    {
        TrendDimension.Category => "category",
        TrendDimension.TopCategory => "topCategory",
        TrendDimension.Entity => "entity",
        TrendDimension.Region => "region",
        TrendDimension.Channel => "channel",
        TrendDimension.RequestType => "requestType",
        TrendDimension.Outcome => "outcome",
        TrendDimension.Area => "area",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };

    public static IReadOnlyList<TrendDimension> All { get; } = Enum.GetValues<TrendDimension>();

    public static TrendDimension? Parse(string name) =>
        All.Cast<TrendDimension?>().FirstOrDefault(d => string.Equals(d!.Value.Name(), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The stored dimension a rollup must keep to answer this one.</summary>
    public static ArchiveDimension Stored(this TrendDimension dimension) => dimension switch
    {
        TrendDimension.Category or TrendDimension.TopCategory => ArchiveDimension.Category,
        TrendDimension.Entity => ArchiveDimension.Entity,
        TrendDimension.Region => ArchiveDimension.Region,
        TrendDimension.Channel => ArchiveDimension.Channel,
        TrendDimension.RequestType => ArchiveDimension.RequestType,
        TrendDimension.Outcome => ArchiveDimension.Outcome,
        TrendDimension.Area => ArchiveDimension.Area,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };

    /// <summary>The query name of a stored dimension (its filter parameter).</summary>
    public static string Name(this ArchiveDimension dimension) => dimension switch
    {
        ArchiveDimension.Entity => TrendDimension.Entity.Name(),
        ArchiveDimension.Region => TrendDimension.Region.Name(),
        ArchiveDimension.Category => TrendDimension.Category.Name(),
        ArchiveDimension.Channel => TrendDimension.Channel.Name(),
        ArchiveDimension.RequestType => TrendDimension.RequestType.Name(),
        ArchiveDimension.Outcome => TrendDimension.Outcome.Name(),
        ArchiveDimension.Area => TrendDimension.Area.Name(),
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };

    /// <summary>The column (property of the rollups and of the raw records) holding a stored dimension.</summary>
    public static string Property(this ArchiveDimension dimension) => dimension switch
    {
        ArchiveDimension.Entity => nameof(ArchiveRollup.EntityCode),
        ArchiveDimension.Region => nameof(ArchiveRollup.RegionCode),
        ArchiveDimension.Category => nameof(ArchiveRollup.Category),
        ArchiveDimension.Channel => nameof(ArchiveRollup.Channel),
        ArchiveDimension.RequestType => nameof(ArchiveRollup.RequestType),
        ArchiveDimension.Outcome => nameof(ArchiveRollup.Outcome),
        ArchiveDimension.Area => nameof(ArchiveRollup.AreaIstatCode),
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };
}
