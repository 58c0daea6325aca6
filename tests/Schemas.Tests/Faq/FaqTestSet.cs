using System.Globalization;
using LineaHub.Schemas.Faq;

namespace LineaHub.Schemas.Tests.Faq;

/// <summary>One labelled query: what an operator typed, the kind of query, and the entries that answer it.</summary>
public sealed record LabelledQuery(string Kind, IReadOnlySet<string> Relevant, string Text);

/// <summary>
/// The labelled Italian FAQ set in Data/ (entries and queries written for this project), shared by the quality
/// test and the benchmark's report mode. The asker is an office in region 13 (Abruzzo), entity E-LAQ.
/// </summary>
public static class FaqTestSet
{
    public const string AskerRegion = "13";
    public const string AskerEntity = "E-LAQ";

    /// <summary>The instant the set is evaluated at: after f109 (TARI 2025) expired.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static string DataFolder => Path.Combine(AppContext.BaseDirectory, "Faq", "Data");

    public static IReadOnlyList<FaqEntry> LoadEntries() => ParseEntries(File.ReadAllText(Path.Combine(DataFolder, "faq-entries.txt")));

    public static IReadOnlyList<LabelledQuery> LoadQueries() => ParseQueries(File.ReadAllText(Path.Combine(DataFolder, "queries.tsv")));

    public static IReadOnlyList<FaqEntry> ParseEntries(string text)
    {
        var entries = new List<FaqEntry>();
        string[]? header = null;
        string question = string.Empty, answer = string.Empty;
        string[] keywords = [];
        DateTimeOffset? from = null, to = null;
        string? last = null;

        void Flush()
        {
            if (header is null)
            {
                return;
            }

            var scope = header[2].Split(':');
            var kind = scope[0] switch
            {
                "network" => FaqScope.Network,
                "regional" => FaqScope.Regional,
                "local" => FaqScope.Local,
                _ => throw new FormatException($"Scope {header[2]} of {header[0]}"),
            };
            entries.Add(new FaqEntry(
                header[0], question, answer.Trim(), header[1], keywords, kind,
                kind == FaqScope.Regional ? scope[1] : kind == FaqScope.Local ? AskerRegion : null,
                kind == FaqScope.Local ? scope[1] : null,
                from, to, Version: 1, FaqStatus.Published));
            header = null;
            question = answer = string.Empty;
            keywords = [];
            from = to = null;
        }

        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                header = line[3..].Split('|').Select(p => p.Trim()).ToArray();
            }
            else if (line.StartsWith("Q: ", StringComparison.Ordinal))
            {
                question = line[3..];
                last = "Q";
            }
            else if (line.StartsWith("A: ", StringComparison.Ordinal))
            {
                answer = line[3..];
                last = "A";
            }
            else if (line.StartsWith("K: ", StringComparison.Ordinal))
            {
                keywords = line[3..].Split(',').Select(k => k.Trim()).Where(k => k.Length > 0).ToArray();
                last = "K";
            }
            else if (line.StartsWith("V: ", StringComparison.Ordinal))
            {
                var range = line[3..].Split("..");
                from = DateTimeOffset.Parse(range[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                to = DateTimeOffset.Parse(range[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            }
            else if (line.Length > 0 && !line.StartsWith('#') && last == "A")
            {
                answer += "\n" + line;
            }
        }

        Flush();
        return entries;
    }

    public static IReadOnlyList<LabelledQuery> ParseQueries(string text) =>
        text.Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => new LabelledQuery(
                p[0],
                p[1].Split(',').Select(id => id.Trim()).ToHashSet(StringComparer.Ordinal),
                p[2]))
            .ToList();

    public static FaqSearchRequest Request(string text, int limit = 10) =>
        new(text, AskerRegion, AskerEntity, CategoryCode: null, Now, limit);
}
