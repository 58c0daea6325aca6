using System.Diagnostics;

namespace LineaHub.Testing.Load;

/// <summary>CPU time used so far by the hub process, the PostgreSQL server (with its backends), this process and the machine.</summary>
public sealed record CpuSnapshot(TimeSpan Hub, TimeSpan Postgres, TimeSpan Harness, TimeSpan MachineBusy, TimeSpan MachineSteal, TimeSpan MachineTotal)
{
    public static CpuSnapshot Take(int hubId, int postgresId)
    {
        var (busy, steal, total) = ProcFs.MachineCpuTime();
        using var self = Process.GetCurrentProcess();
        return new CpuSnapshot(ProcFs.TreeCpuTime(hubId), ProcFs.TreeCpuTime(postgresId), self.TotalProcessorTime, busy, steal, total);
    }

    public static CpuSnapshot operator -(CpuSnapshot after, CpuSnapshot before) => new(
        after.Hub - before.Hub,
        after.Postgres - before.Postgres,
        after.Harness - before.Harness,
        after.MachineBusy - before.MachineBusy,
        after.MachineSteal - before.MachineSteal,
        after.MachineTotal - before.MachineTotal);

    /// <summary>CPU of every process not counted apart (other people's builds and tests on a shared machine), steal excluded.</summary>
    public TimeSpan Others => MachineBusy - MachineSteal - Hub - Postgres - Harness;

    /// <summary>The machine's load average (1, 5, 15 minutes), for the report.</summary>
    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
