namespace LineaHub.Benchmarks.ArchiveIngestion;

/// <summary>One batch sent: when (Stopwatch timestamps), the answer, and what the hub said it did with the records.</summary>
/// <param name="StatusCode">HTTP status; 0 when no answer came.</param>
/// <param name="Problem">The start of the body of a failed answer, or the exception.</param>
public sealed record BatchSample(long Started, long Ended, int StatusCode, int Accepted, int AlreadyStored, int Refused, string? Problem)
{
    public TimeSpan Latency => TimeSpan.FromTicks((long)((Ended - Started) * (TimeSpan.TicksPerSecond / (double)System.Diagnostics.Stopwatch.Frequency)));

    public bool Ok => StatusCode == 200 && Refused == 0;
}
