using System.Globalization;
using LineaHub.Benchmarks.FaqSearchHttp;

// Usage: dotnet run -c Release --project tests/Benchmarks/FaqSearchHttp [-- --entries 10000,100000 --clients 16 --warmup-seconds 90 --seconds 30 --load wrk|dotnet --rate N]
var options = SearchOptions.Parse(args);
if (options.Rate is not null && options.Load == "wrk")
{
    Console.Error.WriteLine("--rate is an open loop of this process's HttpClient: not with --load wrk.");
    return 2;
}

using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(30));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

if (options.Load == "wrk" && !WrkLoad.Available())
{
    Console.Error.WriteLine("wrk is not installed: apt-get install wrk (or run with --load dotnet).");
    return 2;
}

var culture = CultureInfo.InvariantCulture;
var runs = new List<SearchRun>();
foreach (var size in options.Sizes)
{
    runs.Add(await SearchBenchmark.RunAsync(size, options, Console.Out, cancellation.Token));
}

Console.WriteLine();
Console.WriteLine(string.Create(culture,
    $"{options.Describe()}, one office (region 13) cycling the {SearchBenchmark.QueryCount} labelled queries, top 10 with snippets; {options.Warmup.TotalSeconds:0} s warm-up, {options.Duration.TotalSeconds:0} s measured; {Environment.ProcessorCount} cores."));
Console.WriteLine();
Console.WriteLine("| Entries | Queries/s | p50 ms | p90 ms | p99 ms | max ms | Errors | Hub CPU ms/query | Load generator's CPU ms/query | Hub RSS ready | Hub RSS max | Index build (hub log) | Start to ready | Search log: logged of sent | Search-log warnings | Load average |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
foreach (var run in runs)
{
    var load = run.Load;
    Console.WriteLine(string.Create(culture,
        $"| {run.Entries:N0} | {load.Rate:N0} | {load.P50:0.00} | {load.P90:0.00} | {load.P99:0.00} | {load.Max:0.0} | {load.Errors} | {run.HubCpu.TotalMilliseconds / load.Count:0.00} | {load.GeneratorCpu.TotalMilliseconds / load.Count:0.00} | {run.RssAfterStartKiB / 1024.0:0} MiB | {run.MaxRssKiB / 1024.0:0} MiB | {run.IndexBuild} | {run.HubStart.TotalSeconds:0.0} s | {run.Logged:N0} of {run.Sent:N0} | {run.LogWarnings} | {run.LoadAverage} |"));
}

var goal = runs.FirstOrDefault(r => r.Entries == 10_000);
if (goal is not null)
{
    var rate = goal.Load.Rate;
    var p99 = goal.Load.P99;
    Console.WriteLine();
    Console.WriteLine(string.Create(culture,
        $"Goal at 10,000 entries, p99 < 10 ms and >= 2,000 queries/s: p99 {(p99 < 10 ? "met" : "not met")} ({p99:0.0} ms), rate {(rate >= 2000 ? "met" : "not met")} ({rate:N0}/s)."));
}

var large = runs.FirstOrDefault(r => r.Entries == 100_000);
if (large is not null)
{
    Console.WriteLine(string.Create(culture,
        $"Goal hub resident memory <= 500 MiB at 100,000 entries: {(large.MaxRssKiB <= 500 * 1024 ? "met" : "not met")} ({large.MaxRssKiB / 1024.0:0} MiB)."));
}

return runs.Any(r => r.Load.Errors > 0) ? 1 : 0;
