namespace LineaHub.Benchmarks.DispatchThroughput;

internal static class Percentiles
{
    /// <summary>Nearest-rank percentile of values sorted ascending (<paramref name="quantile"/> 0.99 for p99).</summary>
    public static double Of(IReadOnlyList<double> sorted, double quantile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];
}
