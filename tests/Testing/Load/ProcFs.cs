using System.Globalization;

namespace LineaHub.Testing.Load;

/// <summary>Readings from Linux's <c>/proc</c>: processes' CPU time and memory, the machine's busy time.</summary>
public static class ProcFs
{
    // USER_HZ, the unit of the times in /proc, is 100 on every architecture .NET runs on (x64, arm64).
    private const double TicksPerSecond = 100;

    /// <summary>The child of <paramref name="parentId"/> whose command line contains <paramref name="commandLinePart"/>.</summary>
    public static int? FindChild(int parentId, string commandLinePart) =>
        Processes().Where(pid => ParentOf(pid) == parentId)
            .Cast<int?>()
            .FirstOrDefault(pid => Read($"/proc/{pid}/cmdline")?.Replace('\0', ' ').Contains(commandLinePart, StringComparison.Ordinal) == true);

    /// <summary>
    /// CPU time (user + system) of the process and all its descendants, living or ended: a process's own time plus
    /// the time of the children it has reaped (PostgreSQL's postmaster reaps its backends).
    /// </summary>
    public static TimeSpan TreeCpuTime(int rootId)
    {
        var byParent = Processes().Select(pid => (Pid: pid, Parent: ParentOf(pid))).ToLookup(p => p.Parent, p => p.Pid);
        var total = 0L;
        var pending = new Stack<int>([rootId]);
        while (pending.TryPop(out var pid))
        {
            if (StatFields(pid) is { } fields)
            {
                // Fields after "pid (comm)": 0 state, 1 ppid, ... 11 utime, 12 stime, 13 cutime, 14 cstime.
                total += Ticks(fields, 11) + Ticks(fields, 12) + Ticks(fields, 13) + Ticks(fields, 14);
            }

            foreach (var child in byParent[pid])
            {
                pending.Push(child);
            }
        }

        return TimeSpan.FromSeconds(total / TicksPerSecond);
    }

    /// <summary>A size line of <c>/proc/PID/status</c> (VmRSS, VmHWM) in KiB.</summary>
    public static long? StatusKiB(int pid, string field)
    {
        var line = Read($"/proc/{pid}/status")?.Split('\n').FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        var value = line?[(field.Length + 1)..].Trim().Split(' ')[0];
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var kib) ? kib : null;
    }

    /// <summary>
    /// The machine's busy, stolen (by the hypervisor, for other virtual machines) and total CPU time since boot, all
    /// cores, from the first line of <c>/proc/stat</c>.
    /// </summary>
    public static (TimeSpan Busy, TimeSpan Steal, TimeSpan Total) MachineCpuTime()
    {
        var fields = (Read("/proc/stat") ?? "").Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal (guest times are already inside user and nice).
        var total = fields.Take(8).Sum();
        var idle = fields[3] + fields[4];
        return (TimeSpan.FromSeconds((total - idle) / TicksPerSecond), TimeSpan.FromSeconds(fields[7] / TicksPerSecond), TimeSpan.FromSeconds(total / TicksPerSecond));
    }

    /// <summary>The first line of a file, e.g. the server's pid in PostgreSQL's <c>postmaster.pid</c>.</summary>
    public static int? FirstLineNumber(string path) =>
        int.TryParse(Read(path)?.Split('\n')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static IEnumerable<int> Processes() =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0);

    private static int? ParentOf(int pid) =>
        StatFields(pid) is { } fields && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent) ? parent : null;

    /// <summary>The fields of <c>/proc/PID/stat</c> after the command name, which may itself hold spaces and parentheses.</summary>
    private static string[]? StatFields(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        var end = stat?.LastIndexOf(')') ?? -1;
        return end < 0 ? null : stat![(end + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static long Ticks(string[] fields, int index) =>
        long.TryParse(fields[index], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ticks) ? ticks : 0;

    /// <summary>Null when the process has gone (or the file is not readable) meanwhile.</summary>
    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
