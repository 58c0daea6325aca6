namespace LineaHub.Benchmarks.DispatchThroughput;

/// <summary>CPU time spent during the measurement by each party on the machine, and the hub's memory.</summary>
/// <param name="Hub">The hub process.</param>
/// <param name="Postgres">The PostgreSQL server and its backends.</param>
/// <param name="Harness">This process: the load clients and the idle setup hub.</param>
/// <param name="MachineBusy">All cores, every process on the machine (other people's too).</param>
/// <param name="MachineSteal">Part of <paramref name="MachineBusy"/> the hypervisor gave to other virtual machines.</param>
/// <param name="MachineCapacity">Wall time × cores.</param>
/// <param name="HubPeakKiB">The hub's VmHWM at the end (peak resident memory of its whole life, ticket opening included).</param>
/// <param name="HubMaxDuringKiB">The highest VmRSS sampled during the measurement.</param>
internal sealed record ResourceUse(
    TimeSpan Hub, TimeSpan Postgres, TimeSpan Harness, TimeSpan MachineBusy, TimeSpan MachineSteal, TimeSpan MachineCapacity, long HubPeakKiB, long HubMaxDuringKiB);
