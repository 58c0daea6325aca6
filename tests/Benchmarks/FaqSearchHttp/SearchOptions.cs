using System.Globalization;

namespace LineaHub.Benchmarks.FaqSearchHttp;

/// <summary>What one run does: index sizes, clients, how long to warm up and to measure.</summary>
/// <param name="Load">Who generates the load: <c>dotnet</c> (HttpClient in this process, the default) or <c>wrk</c>.</param>
/// <param name="Rate">
/// Open loop: searches sent at this fixed rate per second over at most <see cref="Clients"/> connections, whatever the
/// answers, each timed from when it was due (a search waiting for a free connection counts its wait); null for the
/// closed loop, where each client sends its next search when the answer is read. The warm-up is always closed-loop.
/// </param>
internal sealed record SearchOptions(IReadOnlyList<int> Sizes, int Clients, TimeSpan Warmup, TimeSpan Duration, string Load, int? Rate = null)
{
    public string Describe() => Rate is { } rate
        ? string.Create(CultureInfo.InvariantCulture, $"open loop at {rate:N0} searches/s over at most {Clients} connections ({Load})")
        : $"{Clients} clients ({Load}), closed loop";

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
                "--rate" when int.TryParse(value, CultureInfo.InvariantCulture, out var rate) && rate > 0 => options with { Rate = rate },
                _ => throw new ArgumentException($"Unknown option {args[i]} {value}; known: --entries N[,N] --clients N --warmup-seconds N --seconds N --load wrk|dotnet --rate N"),
            };
        }

        return options;
    }
}
