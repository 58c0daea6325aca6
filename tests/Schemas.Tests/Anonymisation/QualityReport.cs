using System.Globalization;
using System.Text;
using LineaHub.Schemas.Anonymisation;

namespace LineaHub.Schemas.Tests.Anonymisation;

/// <summary>
/// Precision, recall and F2 per label. A gold span counts as found only when findings of its label cover every
/// non-space character of it (a half-redacted codice fiscale still leaks); a finding counts as correct when it
/// overlaps a gold span of its label.
/// </summary>
internal sealed class QualityReport
{
    public sealed record Row(PiiLabel? Label, int Gold, int Found, int Predicted, int Correct)
    {
        public double Recall => Gold == 0 ? 1 : (double)Found / Gold;
        public double Precision => Predicted == 0 ? 1 : (double)Correct / Predicted;
        public double F2 => Precision + Recall == 0 ? 0 : 5 * Precision * Recall / (4 * Precision + Recall);
    }

    public IReadOnlyList<Row> Rows { get; }
    public Row Overall { get; }
    public IReadOnlyList<string> Misses { get; }

    public QualityReport(IReadOnlyList<LabelledText> cases)
    {
        var gold = new Dictionary<PiiLabel, int>();
        var found = new Dictionary<PiiLabel, int>();
        var predicted = new Dictionary<PiiLabel, int>();
        var correct = new Dictionary<PiiLabel, int>();
        var misses = new List<string>();
        foreach (var c in cases)
        {
            var findings = TextAnonymiser.Find(c.Text);
            foreach (var g in c.Gold)
            {
                Increment(gold, g.Label);
                if (Covered(c.Text, g, findings)) Increment(found, g.Label);
                else misses.Add($"missed {g.Label} in [{c.Kind}]: {TextAnonymiser.Anonymise(c.Text).Text}");
            }
            foreach (var f in findings)
            {
                Increment(predicted, f.Label);
                if (c.Gold.Any(g => g.Label == f.Label && g.Start < f.End && f.Start < g.End)) Increment(correct, f.Label);
                else misses.Add($"extra {f.Label} '{c.Text.Substring(f.Start, f.Length)}' in [{c.Kind}]");
            }
        }
        Rows = PiiLabels.All.Select(l => new Row(l, Get(gold, l), Get(found, l), Get(predicted, l), Get(correct, l))).ToList();
        Overall = new Row(null, Rows.Sum(r => r.Gold), Rows.Sum(r => r.Found), Rows.Sum(r => r.Predicted), Rows.Sum(r => r.Correct));
        Misses = misses;
    }

    public Row For(PiiLabel label) => Rows.Single(r => r.Label == label);

    public string ToMarkdown()
    {
        var culture = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("| Label | Gold spans | Found | Predicted | Correct | Precision | Recall | F2 |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in Rows.Append(Overall))
        {
            var name = r.Label is { } l ? $"`{l.Placeholder()}`" : "**all**";
            sb.AppendLine(string.Create(culture, $"| {name} | {r.Gold} | {r.Found} | {r.Predicted} | {r.Correct} | {r.Precision:0.000} | {r.Recall:0.000} | {r.F2:0.000} |"));
        }
        return sb.ToString();
    }

    private static bool Covered(string text, PiiFinding gold, IReadOnlyList<PiiFinding> findings)
    {
        for (var i = gold.Start; i < gold.End; i++)
        {
            if (char.IsWhiteSpace(text[i])) continue;
            if (!findings.Any(f => f.Label == gold.Label && f.Start <= i && i < f.End)) return false;
        }
        return true;
    }

    private static void Increment(Dictionary<PiiLabel, int> counts, PiiLabel label) => counts[label] = Get(counts, label) + 1;

    private static int Get(Dictionary<PiiLabel, int> counts, PiiLabel label) => counts.GetValueOrDefault(label);
}
