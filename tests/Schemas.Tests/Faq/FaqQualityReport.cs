using System.Globalization;
using System.Text;
using LineaHub.Schemas.Faq;

namespace LineaHub.Schemas.Tests.Faq;

/// <summary>MRR@10 and Recall@5 of one kind of query (or all).</summary>
public sealed record FaqQualityLine(string Kind, int Queries, double MrrAt10, double RecallAt5);

/// <summary>A query whose first relevant entry is not in the top 5 (for tuning and for the docs).</summary>
public sealed record FaqMiss(LabelledQuery Query, int Rank, IReadOnlyList<string> Top);

/// <summary>Runs the labelled queries against an index and computes MRR@10 and Recall@5 overall and per kind.</summary>
public sealed class FaqQualityReport
{
    private FaqQualityReport(IReadOnlyList<FaqQualityLine> lines, IReadOnlyList<FaqMiss> misses)
    {
        Lines = lines;
        Misses = misses;
    }

    public IReadOnlyList<FaqQualityLine> Lines { get; }

    public IReadOnlyList<FaqMiss> Misses { get; }

    public FaqQualityLine Overall => Lines[^1];

    public static FaqQualityReport Run(FaqIndex index, IReadOnlyList<LabelledQuery> queries)
    {
        var results = new List<(LabelledQuery Query, int Rank)>();
        var misses = new List<FaqMiss>();
        foreach (var query in queries)
        {
            var hits = index.Search(FaqTestSet.Request(query.Text)).Hits;
            var rank = 0;
            for (var i = 0; i < hits.Count; i++)
            {
                if (query.Relevant.Contains(hits[i].Id))
                {
                    rank = i + 1;
                    break;
                }
            }

            results.Add((query, rank));
            if (rank is 0 or > 5)
            {
                misses.Add(new FaqMiss(query, rank, hits.Take(5).Select(h => h.Id).ToList()));
            }
        }

        var lines = results
            .GroupBy(r => r.Query.Kind)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Line(g.Key, g.Select(r => r.Rank).ToList()))
            .Append(Line("all", results.Select(r => r.Rank).ToList()))
            .ToList();
        return new FaqQualityReport(lines, misses);
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| Kind | Queries | MRR@10 | Recall@5 |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var line in Lines)
        {
            var kind = line.Kind == "all" ? "**all**" : line.Kind;
            text.AppendLine(CultureInfo.InvariantCulture, $"| {kind} | {line.Queries} | {line.MrrAt10:0.000} | {line.RecallAt5:0.000} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Queries whose answer is not in the top 5 ({Misses.Count}):");
        foreach (var miss in Misses)
        {
            var rank = miss.Rank == 0 ? "not in top 10" : $"rank {miss.Rank}";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"- [{miss.Query.Kind}] \"{miss.Query.Text}\" → {string.Join(",", miss.Query.Relevant)}: {rank}; top 5: {string.Join(", ", miss.Top)}");
        }

        return text.ToString();
    }

    private static FaqQualityLine Line(string kind, List<int> ranks) => new(
        kind,
        ranks.Count,
        ranks.Average(r => r is > 0 and <= 10 ? 1.0 / r : 0.0),
        ranks.Average(r => r is > 0 and <= 5 ? 1.0 : 0.0));
}
