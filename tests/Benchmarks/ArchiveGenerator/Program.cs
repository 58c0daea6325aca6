using LineaHub.Benchmarks.ArchiveGenerator;

// Usage: dotnet run -c Release --project tests/Benchmarks/ArchiveGenerator [-- --records N --seed N --months N]
if (!GeneratorOptions.TryParse(args, out var options, out var problem))
{
    await Console.Error.WriteLineAsync(problem);
    await Console.Error.WriteLineAsync(GeneratorOptions.Usage);
    return 2;
}

using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(30));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

await using var hub = await GeneratedHub.CreateAsync(options, new Dictionary<string, string?>(), Console.Out, cancellation.Token);
Console.WriteLine();
Console.WriteLine($"Options: `{options.CommandLine}`.");
Console.WriteLine();
Console.WriteLine(await ArchiveSummary.DescribeAsync(hub.Setup.Database.ConnectionString, hub.Archive, cancellation.Token));
return hub.Fill.Refused == 0 ? 0 : 1;
