using System.Globalization;
using LineaHub.Benchmarks.RoutingSimulation;

// Usage: dotnet run -c Release --project tests/Benchmarks/RoutingSimulation [-- --hours N]
var hours = args.SkipWhile(a => a != "--hours").Skip(1).Select(a => double.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault();
var scenarios = new[] { Scenario.Balanced(), Scenario.Unbalanced(), Scenario.Mixed() }
    .Select(s => hours > 0 ? s with { HoursSimulated = hours } : s);

var culture = CultureInfo.InvariantCulture;

// Late handover: how long a ticket waits at its own office before it is offered (the agent's threshold).
double[] Patience = [10, 20, 30, 45, 60];
foreach (var scenario in scenarios)
{
    var references = References.For(scenario);
    var withOverflow = new NetworkSimulation(scenario, overflow: true).Run();
    var strict = new NetworkSimulation(scenario with { RequireFasterThanOrigin = true }, overflow: true).Run();
    var withoutOverflow = new NetworkSimulation(scenario, overflow: false).Run();

    Console.WriteLine($"### {scenario.Name}");
    Console.WriteLine();
    Console.WriteLine(string.Create(culture, $"{scenario.HoursSimulated:0} h simulated after {scenario.WarmUpHours:0} h warm-up, handling {scenario.MeanHandlingSeconds:0} s, accept delay mean {scenario.MeanAcceptDelaySeconds:0} s, reports every {scenario.ReportIntervalSeconds} s, seed {scenario.Seed}."));
    Console.WriteLine();
    Console.WriteLine("| policy | mean wait (s) | P(wait > 60 s) | handed over | utilisation min–max | tickets |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
    Console.WriteLine(Row("no overflow — Erlang C per office (analytic)", references.NoOverflowMeanWait, references.NoOverflowOver60, null, null));
    Console.WriteLine(Row("no overflow — simulated", withoutOverflow.MeanWaitSeconds, withoutOverflow.ProbabilityWaitOver60, 0, withoutOverflow));
    Console.WriteLine(Row("**overflow with DispatchPolicy — simulated**", withOverflow.MeanWaitSeconds, withOverflow.ProbabilityWaitOver60, withOverflow.ShareHandedOver, withOverflow));
    Console.WriteLine(Row("overflow, only to a node the formula rates faster than the origin — simulated", strict.MeanWaitSeconds, strict.ProbabilityWaitOver60, strict.ShareHandedOver, strict));
    foreach (var patience in Patience)
    {
        var late = new NetworkSimulation(scenario with { HandoverAfterSeconds = patience }, overflow: true).Run();
        Console.WriteLine(Row(string.Create(culture, $"overflow with DispatchPolicy, offered after waiting {patience:0} s here — simulated"), late.MeanWaitSeconds, late.ProbabilityWaitOver60, late.ShareHandedOver, late));
    }

    Console.WriteLine(Row("complete pooling — Erlang C, one queue (analytic)", references.PooledMeanWait, references.PooledOver60, null, null));
    Console.WriteLine();
    Console.WriteLine(string.Create(culture,
        $"Ratio to pooling: mean wait {(references.PooledMeanWait < 0.01 ? "— (pooled wait ≈ 0)" : (withOverflow.MeanWaitSeconds / references.PooledMeanWait).ToString("0.00", culture) + "×")} (goal ≤ 1.5×); P(wait > 60 s) {withOverflow.ProbabilityWaitOver60 - references.PooledOver60:+0.000;-0.000} vs pooled (goal ≤ +0.03); handed over {withOverflow.ShareHandedOver:P1} (goal ≤ 25 %)."));
    Console.WriteLine();
}

string Row(string name, double meanWait, double over60, double? handedOver, SimulationResult? run) =>
    string.Create(culture, $"| {name} | {(double.IsInfinity(meanWait) ? "∞ (unstable)" : meanWait.ToString("0.0", culture))} | {over60:0.000} | {(handedOver is null ? "—" : handedOver.Value.ToString("P1", culture))} | {(run is null ? "—" : $"{run.MinUtilisation:0.00}–{run.MaxUtilisation:0.00}")} | {(run is null ? "—" : run.Tickets.ToString("N0", culture))} |");
