namespace LineaHub.Hub.Archive;

/// <summary>
/// How many contacts of one day and cube cell took a duration in one <see cref="DurationBuckets"/> bucket (storage
/// entity): the histogram percentiles are read from. Kept for the cubes without channel, request type, outcome and area
/// (<see cref="RollupCube.HasDurations"/>), where it stays small.
/// </summary>
public sealed class ArchiveDurationRollup
{
    public short Cube { get; set; }

    public DateOnly Day { get; set; }

    public required string EntityCode { get; set; }

    public required string RegionCode { get; set; }

    public required string Category { get; set; }

    /// <summary><see cref="DurationMeasure"/>: first response or resolution.</summary>
    public short Measure { get; set; }

    public short Bucket { get; set; }

    public long Contacts { get; set; }
}
