namespace LineaHub.Hub.Archive;

/// <summary>
/// Log-scale buckets of durations in seconds: bucket 0 holds 0 s, bucket b ≥ 1 holds [1.2^(b−1), 1.2^b). A percentile
/// read from them is within 10 % of the true value — good for "how long do answers take", at a hundred buckets for
/// anything up to a year.
/// </summary>
public static class DurationBuckets
{
    public const double Ratio = 1.2;

    private static readonly double LogRatio = Math.Log(Ratio);

    public static short Of(int seconds) =>
        seconds <= 0 ? (short)0 : (short)(1 + (int)Math.Floor(Math.Log(seconds) / LogRatio + 1e-9));

    /// <summary>Lower bound of <paramref name="bucket"/>, in seconds.</summary>
    public static double Lower(short bucket) => bucket <= 0 ? 0 : Math.Pow(Ratio, bucket - 1);

    /// <summary>Upper bound (exclusive) of <paramref name="bucket"/>, in seconds.</summary>
    public static double Upper(short bucket) => bucket <= 0 ? 1 : Math.Pow(Ratio, bucket);

    /// <summary>The value reported for a percentile that falls in <paramref name="bucket"/>: its geometric middle.</summary>
    public static double Representative(short bucket) => bucket <= 0 ? 0 : Math.Sqrt(Lower(bucket) * Upper(bucket));
}
