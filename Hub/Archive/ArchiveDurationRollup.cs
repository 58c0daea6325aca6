namespace LineaHub.Hub.Archive;

/// <summary>
/// The histogram of one duration for one day and cube cell (storage entity): <see cref="Counts"/>[b] contacts took a
/// duration in <see cref="DurationBuckets"/> bucket b; the array ends at the highest non-empty bucket. The percentiles
/// are read from it. Kept for the cubes without channel, request type, outcome and area
/// (<see cref="RollupCube.HasDurations"/>), where it stays small; one row per cell and measure, not per bucket, so a
/// batch of contacts adds a few hundred rows rather than thousands.
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

    /// <summary>Contacts per bucket, from bucket 0 to the highest non-empty one.</summary>
    public int[] Counts { get; set; } = [];

    /// <summary>Counts one more contact in <paramref name="bucket"/>, growing the array when it is the highest yet.</summary>
    public void Add(short bucket)
    {
        if (bucket >= Counts.Length)
        {
            var counts = Counts;
            Array.Resize(ref counts, bucket + 1);
            Counts = counts;
        }

        Counts[bucket]++;
    }

    /// <summary>Adds <paramref name="counts"/> to <paramref name="sum"/> bucket by bucket (either may be the longer).</summary>
    public static long[] AddTo(long[] sum, int[] counts)
    {
        if (counts.Length > sum.Length)
        {
            Array.Resize(ref sum, counts.Length);
        }

        for (var bucket = 0; bucket < counts.Length; bucket++)
        {
            sum[bucket] += counts[bucket];
        }

        return sum;
    }
}
