using System.Globalization;

namespace LineaHub.Benchmarks.FaqSearchHttp;

/// <summary>What one run does: index sizes, clients, how long to warm up and to measure.</summary>
/// <param name="Load">Who generates the load: <c>dotnet</c> (HttpClient in this process, the default) or <c>wrk</c>.</param>
internal sealed record SearchOptions(IReadOnlyList<int> Sizes, int Clients, TimeSpan Warmup, TimeSpan Duration, string Load)
{
    public static SearchOptions Parse(string[] args)
    {
        var options = new SearchOptions([10_000, 100_000], 16, TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(30), "dotnet");
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--entries" => options with { Sizes = [.. value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))] },
                "--clients" => options with { Clients = int.Parse(value, CultureInfo.InvariantCulture) },
                "--warmup-seconds" => options with { Warmup = TimeSpan.FromSeconds(int.Parse(value, CultureInfo.InvariantCulture)) },
                "--seconds" => options with { Duration = TimeSpan.FromSeconds(int.Parse(value, CultureInfo.InvariantCulture)) },
                "--load" when value is "wrk" or "dotnet" => options with { Load = value },
                _ => throw new ArgumentException($"Unknown option {args[i]} {value}; known: --entries N[,N] --clients N --warmup-seconds N --seconds N --load wrk|dotnet"),
            };
        }

        return options;
    }
}
