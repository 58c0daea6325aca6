using LineaHub.Benchmarks.RoutingSimulation;

namespace LineaHub.Hub.Tests.Overflow;

public sealed class RoutingSimulationTests
{
    private const double Mu = 1.0 / 300;

    [Fact]
    public void Erlang_c_matches_known_values()
    {
        // M/M/1 at ρ = 0.5: P(wait) = ρ, mean wait = ρ / (μ − λ).
        Assert.Equal(0.5, ErlangC.ProbabilityOfWaiting(1, 0.5), 6);
        Assert.Equal(300, ErlangC.MeanWait(1, 0.5 * Mu, Mu), 6);

        // Three operators, offered load 2.4 Erlang: C ≈ 0.6472 (tables), mean wait ≈ 323.6 s.
        Assert.Equal(0.6472, ErlangC.ProbabilityOfWaiting(3, 2.4), 3);
        Assert.Equal(323.6, ErlangC.MeanWait(3, 2.4 * Mu, Mu), 1);
        Assert.Equal(ErlangC.ProbabilityOfWaiting(3, 2.4) * Math.Exp(-(3 * Mu - 2.4 * Mu) * 60), ErlangC.ProbabilityWaitExceeds(3, 2.4 * Mu, Mu, 60), 9);
    }

    [Fact]
    public void An_unstable_queue_waits_forever()
    {
        Assert.Equal(1, ErlangC.ProbabilityOfWaiting(3, 3.3));
        Assert.True(double.IsPositiveInfinity(ErlangC.MeanWait(3, 3.3 * Mu, Mu)));
    }

    [Fact]
    public void Without_overflow_the_simulation_agrees_with_erlang_c()
    {
        var scenario = Scenario.Balanced() with { HoursSimulated = 200 };

        var simulated = new NetworkSimulation(scenario, overflow: false).Run();
        var analytic = References.For(scenario);

        Assert.Equal(0, simulated.ShareHandedOver);
        Assert.InRange(simulated.MeanWaitSeconds / analytic.NoOverflowMeanWait, 0.9, 1.1);
        Assert.InRange(simulated.ProbabilityWaitOver60 - analytic.NoOverflowOver60, -0.03, 0.03);
    }

    [Fact]
    public void Overflow_through_the_dispatch_policy_cuts_waiting_but_cannot_beat_pooling()
    {
        var scenario = Scenario.Balanced() with { HoursSimulated = 40 };

        var withOverflow = new NetworkSimulation(scenario, overflow: true).Run();
        var without = new NetworkSimulation(scenario, overflow: false).Run();
        var analytic = References.For(scenario);

        Assert.True(withOverflow.MeanWaitSeconds < without.MeanWaitSeconds / 2);
        Assert.True(withOverflow.MeanWaitSeconds > analytic.PooledMeanWait);
        Assert.InRange(withOverflow.ShareHandedOver, 0.01, 1);
    }
}
