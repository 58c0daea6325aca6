namespace LineaHub.Testing.Load;

/// <summary>Samples a process's resident memory (VmRSS) at a fixed interval until stopped, keeping the highest reading.</summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<long> _sampling;

    private MemorySampler(int pid, TimeSpan interval) => _sampling = SampleAsync(pid, interval, _stop.Token);

    /// <summary>Starts sampling <paramref name="pid"/> every <paramref name="interval"/> (200 ms in the harnesses).</summary>
    public static MemorySampler Start(int pid, TimeSpan interval) => new(pid, interval);

    /// <summary>Stops and answers the highest VmRSS seen, in KiB.</summary>
    public async Task<long> StopAsync()
    {
        await _stop.CancelAsync();
        return await _sampling;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private static async Task<long> SampleAsync(int pid, TimeSpan interval, CancellationToken cancellationToken)
    {
        var max = 0L;
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                max = Math.Max(max, ProcFs.StatusKiB(pid, "VmRSS") ?? 0);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        return Math.Max(max, ProcFs.StatusKiB(pid, "VmRSS") ?? 0);
    }
}
