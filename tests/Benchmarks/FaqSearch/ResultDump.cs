using System.Globalization;
using System.Text;
using LineaHub.Schemas.Faq;
using LineaHub.Schemas.Tests.Faq;

namespace LineaHub.Benchmarks.FaqSearch;

/// <summary>
/// Every labelled query's results in full (total, then each hit's id, score to the last bit, version and
/// snippet), on the labelled set and on synthetic indexes: a change meant to leave results alone is checked by
/// diffing this output of the old and the new code.
/// </summary>
public static class ResultDump
{
    public static void Run(TextWriter output, IReadOnlyList<int> sizes)
    {
        var queries = FaqTestSet.LoadQueries();
        using (var labelled = new FaqIndex())
        {
            labelled.Rebuild(FaqTestSet.LoadEntries());
            Write(output, "labelled", labelled, queries, q => new FaqSearchRequest(q, FaqTestSet.AskerRegion, FaqTestSet.AskerEntity, null, FaqTestSet.Now));
        }

        foreach (var size in sizes)
        {
            using var index = new FaqIndex();
            index.Rebuild(SyntheticFaq.Generate(size));
            Write(output, size.ToString(CultureInfo.InvariantCulture), index, queries, SyntheticFaq.Request);
        }
    }

    private static void Write(TextWriter output, string name, FaqIndex index, IReadOnlyList<LabelledQuery> queries, Func<string, FaqSearchRequest> request)
    {
        foreach (var query in queries)
        {
            var result = index.Search(request(query.Text));
            var line = new StringBuilder();
            line.Append(CultureInfo.InvariantCulture, $"# {name} | {query.Text} | total {result.TotalHits}\n");
            foreach (var hit in result.Hits)
            {
                line.Append(CultureInfo.InvariantCulture, $"{hit.Id} {BitConverter.SingleToInt32Bits(hit.Score):x8} v{hit.Version} {hit.Snippet}\n");
            }

            output.Write(line);
        }
    }
}
