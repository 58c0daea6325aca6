using LineaHub.Testing.Load;

namespace LineaHub.Benchmarks.FaqSearchHttp;

/// <summary>What one measured load gave: searches answered, answers other than 200, how long, latency percentiles in ms.</summary>
internal sealed record LoadResult(long Count, long Errors, TimeSpan Elapsed, double P50, double P90, double P99, double Max, TimeSpan GeneratorCpu)
{
    public double Rate => Count / Elapsed.TotalSeconds;

    /// <summary>The result of the in-process clients, from every latency they measured.</summary>
    public static LoadResult FromLatencies(List<double> sorted, long errors, TimeSpan elapsed, TimeSpan generatorCpu) =>
        new(sorted.Count, errors, elapsed, Percentiles.Of(sorted, 0.5), Percentiles.Of(sorted, 0.9), Percentiles.Of(sorted, 0.99),
            sorted.Count == 0 ? double.NaN : sorted[^1], generatorCpu);
}
