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

    [Fact]
    public void One_seed_gives_one_result()
    {
        // The comparisons below mean something only if a run depends on its seed alone (node ids once had random bits).
        var scenario = Scenario.Balanced() with { HoursSimulated = 40, HandoverAfterSeconds = 30 };

        var runs = Enumerable.Range(0, 4).Select(_ => new NetworkSimulation(scenario, overflow: true).Run()).ToList();

        Assert.All(runs, run => Assert.Equal(runs[0], run));
    }

    [Fact]
    public void Offering_only_tickets_still_waiting_after_a_while_hands_over_fewer_and_waits_longer()
    {
        var scenario = Scenario.Balanced() with { HoursSimulated = 40 };

        var atOnce = new NetworkSimulation(scenario, overflow: true).Run();
        var after30 = new NetworkSimulation(scenario with { HandoverAfterSeconds = 30 }, overflow: true).Run();

        Assert.True(after30.ShareHandedOver < atOnce.ShareHandedOver);
        Assert.True(after30.MeanWaitSeconds > atOnce.MeanWaitSeconds);
    }

    [Fact]
    public void In_the_balanced_scenario_a_quarter_of_tickets_handed_over_cannot_bring_the_mean_wait_within_one_and_a_half_times_pooling()
    {
        // The bound in docs/benchmarks.md: with utilisation ρ per office of c operators, arrivals find all busy
        // with probability ≥ 1 − c(1 − ρ); those not handed over wait at least the first of c busy operators.
        var scenario = Scenario.Balanced();
        var analytic = References.For(scenario);
        const int Operators = 3;
        const double Load = 0.8;
        var findAllBusy = 1 - Operators * (1 - Load);
        var lowerBound = (findAllBusy - 0.25) * scenario.MeanHandlingSeconds / Operators;

        Assert.True(lowerBound > 1.5 * analytic.PooledMeanWait, $"bound {lowerBound:0.0} s vs 1.5 × pooled {1.5 * analytic.PooledMeanWait:0.0} s");
    }
}
