using System.Globalization;
using LineaHub.Benchmarks.ArchiveGenerator;
using LineaHub.Benchmarks.TrendQueries;

// Usage: dotnet run -c Release --project tests/Benchmarks/TrendQueries [-- --records N --months N --runs N --other-runs N]
// --runs times the goal query (default 200 each way), --other-runs the other shapes (default 50: the slow ones take seconds each).
var options = GeneratorOptions.Default with { Records = 10_000_000 };
var runs = 200;
var otherRuns = 50;
var clients = 4;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    options = args[i] switch
    {
        "--records" => options with { Records = value },
        "--months" => options with { Months = value },
        "--seed" => options with { Seed = value },
        "--writers" => options with { Writers = value },
        "--municipalities" => options with { Municipalities = value },
        _ => options,
    };
    runs = args[i] == "--runs" ? value : runs;
    otherRuns = args[i] == "--other-runs" ? value : otherRuns;
    clients = args[i] == "--clients" ? value : clients;
}

using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(60));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var report = await TrendBenchmark.RunAsync(options, runs, otherRuns, clients, Console.Out, cancellation.Token);
Console.WriteLine();
Console.WriteLine(report);
return 0;
