using System.Runtime.InteropServices;

namespace LineaHub.Benchmarks.FaqSearch;

/// <summary>
/// CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): on a shared machine a search's wall time
/// includes waiting for a core, its CPU time does not, so old and new code compare better on it.
/// </summary>
internal static class ThreadCpu
{
    private const int ThreadCpuTimeClock = 3;

    public static bool Available { get; } = OperatingSystem.IsLinux() && TryNow(out _);

    /// <summary>Nanoseconds of CPU this thread has used, or 0 where the clock is not available.</summary>
    public static long Nanoseconds() => Available && TryNow(out var ns) ? ns : 0;

    private static bool TryNow(out long nanoseconds)
    {
        try
        {
            var ok = NativeMethods.clock_gettime(ThreadCpuTimeClock, out var time) == 0;
            nanoseconds = ok ? (time.Seconds * 1_000_000_000L) + time.Nanoseconds : 0;
            return ok;
        }
        catch (DllNotFoundException)
        {
            nanoseconds = 0;
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = false)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SA1300, IDE1006 // the C name
        public static extern int clock_gettime(int clock, out Timespec time);
#pragma warning restore SA1300, IDE1006
    }
}
