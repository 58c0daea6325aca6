using LineaHub.Schemas.Faq;
using Xunit.Abstractions;

namespace LineaHub.Schemas.Tests.Faq;

public sealed class FaqQualityTests(ITestOutputHelper output)
{
    [Fact]
    public void Labelled_set_has_the_size_the_issue_asks_for()
    {
        var entries = FaqTestSet.LoadEntries();
        var queries = FaqTestSet.LoadQueries();
        var ids = entries.Select(e => e.Id).ToHashSet();

        Assert.True(entries.Count >= 100, $"{entries.Count} entries");
        Assert.True(queries.Count >= 200, $"{queries.Count} queries");
        Assert.Equal(entries.Count, ids.Count);
        Assert.All(queries, q => Assert.Subset(ids, q.Relevant.ToHashSet()));
        Assert.Equal(
            ["abbreviation", "accents", "colloquial", "keyword", "long", "paraphrase", "synonym", "typo"],
            queries.Select(q => q.Kind).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Quality_on_the_labelled_set_meets_the_goals()
    {
        using var index = new FaqIndex();
        index.Rebuild(FaqTestSet.LoadEntries());

        var report = FaqQualityReport.Run(index, FaqTestSet.LoadQueries());
        output.WriteLine(report.ToMarkdown());

        Assert.True(report.Overall.MrrAt10 >= 0.85, $"MRR@10 {report.Overall.MrrAt10:0.000}");
        Assert.True(report.Overall.RecallAt5 >= 0.95, $"Recall@5 {report.Overall.RecallAt5:0.000}");
    }
}
