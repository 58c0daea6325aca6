using LineaHub.Benchmarks.DispatchThroughput;

// Usage: dotnet run -c Release --project tests/Benchmarks/DispatchThroughput [-- --tickets N --clients N --receivers N]
if (!BenchmarkOptions.TryParse(args, out var options, out var problem))
{
    await Console.Error.WriteLineAsync(problem);
    await Console.Error.WriteLineAsync(BenchmarkOptions.Usage);
    return 2;
}

// A bound on the whole run, setup included, whatever the hub does.
using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(10));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var run = await DispatchBenchmark.RunAsync(options, Console.Out, cancellation.Token);
Console.WriteLine();
Console.WriteLine(run.Markdown());
return run.HasErrors ? 1 : 0;
