namespace LineaHub.Testing.Load;

/// <summary>Percentiles of latencies for the load harnesses.</summary>
public static class Percentiles
{
    /// <summary>Nearest-rank percentile of values sorted ascending (<paramref name="quantile"/> 0.99 for p99).</summary>
    public static double Of(IReadOnlyList<double> sorted, double quantile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>A sorted copy of <paramref name="values"/>.</summary>
    public static List<double> Sorted(IEnumerable<double> values)
    {
        var sorted = values.ToList();
        sorted.Sort();
        return sorted;
    }
}
