using LineaHub.Schemas.Anonymisation;
using Xunit.Abstractions;

namespace LineaHub.Schemas.Tests.Anonymisation;

public sealed class AnonymiserQualityTests(ITestOutputHelper output)
{
    [Fact]
    public void Synthetic_set_meets_the_recall_and_precision_goals_of_issue_4()
    {
        var cases = SyntheticCorpus.Generate();
        var report = new QualityReport(cases);
        output.WriteLine($"{cases.Count} texts ({cases.Count(c => c.Gold.Count == 0)} without personal data), seed {SyntheticCorpus.Seed}");
        output.WriteLine(report.ToMarkdown());
        foreach (var miss in report.Misses.Take(40)) output.WriteLine(miss);

        Assert.True(cases.Count >= 600);
        foreach (var label in new[] { PiiLabel.FiscalCode, PiiLabel.VatNumber, PiiLabel.Iban, PiiLabel.Email, PiiLabel.Phone })
        {
            Assert.True(report.For(label).Recall >= 0.99, $"{label} recall {report.For(label).Recall:0.000}");
        }
        foreach (var label in new[] { PiiLabel.Name, PiiLabel.Address })
        {
            Assert.True(report.For(label).Recall >= 0.95, $"{label} recall {report.For(label).Recall:0.000}");
        }
        Assert.True(report.Overall.Precision >= 0.90, $"overall precision {report.Overall.Precision:0.000}");
    }

    [Fact]
    public void Hard_negatives_come_out_unchanged()
    {
        var negatives = SyntheticCorpus.Generate().Where(c => c.Gold.Count == 0).ToList();
        var changed = negatives.Where(c => !TextAnonymiser.Anonymise(c.Text).IsClean)
            .Select(c => $"[{c.Kind}] {TextAnonymiser.Anonymise(c.Text).Text}").Distinct().ToList();
        foreach (var line in changed) output.WriteLine(line);
        Assert.True(changed.Count <= negatives.Count / 50, $"{changed.Count} of {negatives.Count} negatives changed");
    }

    [Fact]
    public void The_set_is_the_same_for_the_same_seed()
    {
        var a = SyntheticCorpus.Generate();
        var b = SyntheticCorpus.Generate();
        Assert.Equal(a.Select(c => c.Text), b.Select(c => c.Text));
    }
}
