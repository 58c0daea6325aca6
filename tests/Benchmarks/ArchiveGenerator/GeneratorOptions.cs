using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace LineaHub.Benchmarks.ArchiveGenerator;

/// <summary>What to generate.</summary>
/// <param name="Records">About this many records (the shape decides the exact count).</param>
/// <param name="Months">Italian days of this many whole months, ending with yesterday's month.</param>
/// <param name="Municipalities">Member municipalities per region (plus every region, two provinces each, national bodies).</param>
/// <param name="Writers">Days written at once (each its own connection and transaction).</param>
public sealed record GeneratorOptions(long Records, int Seed, int Months, int Municipalities, int Writers)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/Benchmarks/ArchiveGenerator [-- options]
          --records N         about N records (default 1000000)
          --seed N            random seed (default 42): same seed, same archive
          --months N          months of contacts, ending last month (default 24)
          --municipalities N  member municipalities per region (default 11)
          --writers N         days written at once (default 2)
        """;

    public static GeneratorOptions Default { get; } = new(1_000_000, 42, 24, 11, 2);

    /// <summary>First and last (exclusive) Italian day: whole months up to the first of this month.</summary>
    public (DateOnly From, DateOnly To) Days(DateTimeOffset now)
    {
        var to = new DateOnly(now.Year, now.Month, 1);
        return (to.AddMonths(-Months), to);
    }

    public string CommandLine => string.Create(CultureInfo.InvariantCulture,
        $"--records {Records} --seed {Seed} --months {Months} --municipalities {Municipalities} --writers {Writers}");

    public static bool TryParse(IReadOnlyList<string> args, [NotNullWhen(true)] out GeneratorOptions? options, out string problem)
    {
        options = Default;
        problem = "";
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count || !long.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                problem = $"{args[i]} takes a positive whole number.";
                options = null;
                return false;
            }

            switch (args[i])
            {
                case "--records": options = options with { Records = value }; break;
                case "--seed": options = options with { Seed = (int)value }; break;
                case "--months": options = options with { Months = (int)value }; break;
                case "--municipalities": options = options with { Municipalities = (int)value }; break;
                case "--writers": options = options with { Writers = (int)value }; break;
                default:
                    problem = $"Unknown option {args[i]}.";
                    options = null;
                    return false;
            }
        }

        return true;
    }
}
