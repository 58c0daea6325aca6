namespace LineaHub.Benchmarks.RoutingSimulation;

/// <summary>
/// The M/M/c queue in closed form: the references the simulation is compared with. Erlang B by its
/// stable recurrence, then C = B / (1 − ρ(1 − B)).
/// </summary>
public static class ErlangC
{
    /// <summary>Probability that an arrival waits; 1 when the queue is unstable (a ≥ c).</summary>
    public static double ProbabilityOfWaiting(int servers, double offeredLoad)
    {
        if (offeredLoad >= servers)
        {
            return 1;
        }

        var blocking = 1.0;
        for (var k = 1; k <= servers; k++)
        {
            blocking = offeredLoad * blocking / (k + offeredLoad * blocking);
        }

        var rho = offeredLoad / servers;
        return blocking / (1 - rho * (1 - blocking));
    }

    /// <summary>Mean wait in the queue, seconds; infinity when unstable.</summary>
    public static double MeanWait(int servers, double arrivalRate, double serviceRate)
    {
        var load = arrivalRate / serviceRate;
        return load >= servers
            ? double.PositiveInfinity
            : ProbabilityOfWaiting(servers, load) / (servers * serviceRate - arrivalRate);
    }

    /// <summary>P(wait &gt; t): C · e^−(cμ − λ)t; 1 when unstable.</summary>
    public static double ProbabilityWaitExceeds(int servers, double arrivalRate, double serviceRate, double seconds)
    {
        var load = arrivalRate / serviceRate;
        return load >= servers
            ? 1
            : ProbabilityOfWaiting(servers, load) * Math.Exp(-(servers * serviceRate - arrivalRate) * seconds);
    }
}
