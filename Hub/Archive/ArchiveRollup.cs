namespace LineaHub.Hub.Archive;

/// <summary>
/// Counts and sums of archived contacts for one Italian calendar day and one cell of a <see cref="RollupCube"/>
/// (storage entity). Dimensions a cube does not keep hold <see cref="RollupCube.All"/>. Maintained at ingestion, in the
/// same transaction as the records, so trend queries never scan raw records.
/// </summary>
public sealed class ArchiveRollup
{
    public short Cube { get; set; }

    /// <summary>The day in Italy (Europe/Rome) the contacts were closed.</summary>
    public DateOnly Day { get; set; }

    public required string EntityCode { get; set; }

    public required string RegionCode { get; set; }

    public required string Category { get; set; }

    public required string Channel { get; set; }

    public required string RequestType { get; set; }

    public required string Outcome { get; set; }

    public required string AreaIstatCode { get; set; }

    public long Contacts { get; set; }

    public long FirstResponseCount { get; set; }

    public long FirstResponseSum { get; set; }

    public long ResolutionCount { get; set; }

    public long ResolutionSum { get; set; }

    public long SatisfactionCount { get; set; }

    public long SatisfactionSum { get; set; }
}
