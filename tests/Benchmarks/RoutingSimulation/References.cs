namespace LineaHub.Benchmarks.RoutingSimulation;

/// <summary>The analytic references of a scenario: no overflow at all, and every operator in one queue.</summary>
public sealed record References(double NoOverflowMeanWait, double NoOverflowOver60, double PooledMeanWait, double PooledOver60)
{
    public static References For(Scenario scenario)
    {
        var mu = 1 / scenario.MeanHandlingSeconds;
        var rates = scenario.Offices.Select(o => o.Load * o.Operators * mu).ToList();
        var total = rates.Sum();

        // Without overflow each office is its own M/M/c queue; a caller's wait is weighted by where calls arrive.
        var meanWait = scenario.Offices.Select((o, i) => rates[i] / total * ErlangC.MeanWait(o.Operators, rates[i], mu)).Sum();
        var over60 = scenario.Offices.Select((o, i) => rates[i] / total * ErlangC.ProbabilityWaitExceeds(o.Operators, rates[i], mu, 60)).Sum();

        var operators = scenario.Offices.Sum(o => o.Operators);
        return new References(meanWait, over60, ErlangC.MeanWait(operators, total, mu), ErlangC.ProbabilityWaitExceeds(operators, total, mu, 60));
    }
}
