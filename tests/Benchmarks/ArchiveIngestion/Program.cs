using LineaHub.Benchmarks.ArchiveIngestion;

// Usage: dotnet run -c Release --project tests/Benchmarks/ArchiveIngestion [-- --records N --senders N --offices N | --profile-stages]
if (args.Length > 0 && args[0] == "--profile-stages")
{
    Console.WriteLine(StageProfile.Run(IngestionOptions.Default, 100));
    return 0;
}

if (!IngestionOptions.TryParse(args, out var options, out var problem))
{
    await Console.Error.WriteLineAsync(problem);
    await Console.Error.WriteLineAsync(IngestionOptions.Usage);
    return 2;
}

// A bound on the whole run, setup included, whatever the hub does.
using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(10));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var run = await IngestionBenchmark.RunAsync(options, Console.Out, cancellation.Token);
Console.WriteLine();
Console.WriteLine(run.Markdown());
return run.HasErrors ? 1 : 0;
