using BenchmarkDotNet.Running;
using LineaHub.Benchmarks.Anonymiser;

// Usage: dotnet run -c Release --project tests/Benchmarks/Anonymiser -- --filter '*' [--job short]
BenchmarkSwitcher.FromAssembly(typeof(AnonymiserBenchmark).Assembly).Run(args);
