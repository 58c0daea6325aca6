namespace LineaHub.Hub.Archive;

/// <summary>
/// The rollups kept, from the most detailed to the smallest. Each record is added to every cube; a query reads the
/// smallest cube that keeps every dimension it groups or filters by. The small cubes exist for the network-wide views
/// (a year of weekly trend by category must sum thousands of rows, not millions).
/// </summary>
public sealed record RollupCube(short Id, string Name, IReadOnlySet<ArchiveDimension> Dimensions, bool HasDurations)
{
    /// <summary>Placeholder in a dimension the cube adds up over.</summary>
    public const string All = "";

    public static RollupCube Detail { get; } = new(1, "detail", new HashSet<ArchiveDimension>(Enum.GetValues<ArchiveDimension>()), HasDurations: false);

    public static RollupCube EntityCategory { get; } = new(2, "entity-category", new HashSet<ArchiveDimension> { ArchiveDimension.Entity, ArchiveDimension.Region, ArchiveDimension.Category }, HasDurations: true);

    public static RollupCube RegionCategory { get; } = new(3, "region-category", new HashSet<ArchiveDimension> { ArchiveDimension.Region, ArchiveDimension.Category }, HasDurations: true);

    public static RollupCube Category { get; } = new(4, "category", new HashSet<ArchiveDimension> { ArchiveDimension.Category }, HasDurations: true);

    /// <summary>Every cube, smallest first: the order a query looks for one that covers it.</summary>
    public static IReadOnlyList<RollupCube> SmallestFirst { get; } = [Category, RegionCategory, EntityCategory, Detail];

    /// <summary>
    /// The smallest cube keeping every dimension in <paramref name="needed"/> (and durations, when asked); null when
    /// durations are asked by a dimension no duration cube keeps. For counts alone <see cref="Detail"/> always covers.
    /// </summary>
    public static RollupCube? Covering(IEnumerable<ArchiveDimension> needed, bool durations = false)
    {
        var set = needed.ToHashSet();
        return SmallestFirst.FirstOrDefault(c => set.IsSubsetOf(c.Dimensions) && (!durations || c.HasDurations));
    }

    // Asked for every record and cube at ingestion: an array read, not a set lookup.
    private readonly bool[] keeps = [.. Enum.GetValues<ArchiveDimension>().Order().Select(Dimensions.Contains)];

    public bool Keeps(ArchiveDimension dimension) => keeps[(int)dimension];
}
