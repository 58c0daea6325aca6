using System.Diagnostics;

namespace LineaHub.Testing.Load;

/// <summary>
/// The schedule of an open-loop load: request i is due i ÷ <c>perSecond</c> seconds after the schedule was made,
/// whatever became of the earlier ones. Timing each request from its due time, not from when it was sent, keeps a
/// slow answer from hiding the delay it causes (no coordinated omission).
/// </summary>
public sealed class FixedRate(int perSecond)
{
    private readonly double _ticksBetween = (double)Stopwatch.Frequency / perSecond;

    /// <summary>When the schedule started (a <see cref="Stopwatch"/> timestamp).</summary>
    public long Started { get; } = Stopwatch.GetTimestamp();

    /// <summary>Waits until request <paramref name="i"/> is due (when more than 1 ms early) and returns when it was due.</summary>
    public async ValueTask<long> DueAsync(int i, CancellationToken cancellationToken)
    {
        var due = Started + (long)(i * _ticksBetween);
        var early = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
        if (early > TimeSpan.FromMilliseconds(1))
        {
            await Task.Delay(early, cancellationToken);
        }

        return due;
    }
}
