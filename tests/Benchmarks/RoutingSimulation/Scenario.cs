namespace LineaHub.Benchmarks.RoutingSimulation;

/// <summary>One office of a simulated network: operators and offered load (arrival rate × handling time ÷ operators).</summary>
public sealed record SimulatedOffice(int Operators, double Load, string RegionCode);

/// <summary>A network and the parameters of the run.</summary>
public sealed record Scenario(
    string Name,
    IReadOnlyList<SimulatedOffice> Offices,
    double MeanHandlingSeconds = 300,
    double MeanAcceptDelaySeconds = 5,
    double OfferThresholdSeconds = 0,
    int ReportIntervalSeconds = 15,
    bool RequireFasterThanOrigin = false,
    double HandoverAfterSeconds = 0,
    double HoursSimulated = 200,
    double WarmUpHours = 2,
    int Seed = 2026)
{
    private static readonly double[] UnbalancedLoads = [1.1, 1.0, 0.9, 0.8, 0.75, 0.75, 0.7, 0.7, 0.7, 0.6];

    public static Scenario Balanced() =>
        new("10 uffici × 3 operatori, carico 0,8", [.. Enumerable.Range(0, 10).Select(i => new SimulatedOffice(3, 0.8, i < 5 ? "13" : "12"))]);

    public static Scenario Unbalanced() =>
        new("10 uffici × 3 operatori, carichi da 1,1 a 0,6 (media 0,8)",
            [.. UnbalancedLoads.Select((load, i) => new SimulatedOffice(3, load, i < 5 ? "13" : "12"))]);

    public static Scenario Mixed(int seed = 7)
    {
        var random = new Random(seed);
        var offices = Enumerable.Range(0, 100).Select(i =>
        {
            var operators = random.Next(100) switch { < 50 => random.Next(1, 3), < 85 => random.Next(3, 6), _ => random.Next(6, 13) };
            return new SimulatedOffice(operators, 0.6 + 0.4 * random.NextDouble(), (1 + i % 20).ToString("D2", System.Globalization.CultureInfo.InvariantCulture));
        }).ToList();
        return new Scenario("100 uffici di dimensioni miste (1–12 operatori), carichi 0,6–1,0", offices, HoursSimulated: 60);
    }
}
