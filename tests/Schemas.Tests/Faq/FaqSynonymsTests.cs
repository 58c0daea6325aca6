using LineaHub.Schemas.Faq;

namespace LineaHub.Schemas.Tests.Faq;

public sealed class FaqSynonymsTests
{
    [Fact]
    public void Default_set_has_at_least_sixty_lines_with_the_issue_examples()
    {
        var lines = FaqSynonyms.DefaultText.Split('\n')
            .Select(l => l.Trim())
            .Count(l => l.Length > 0 && !l.StartsWith('#'));
        Assert.True(lines >= 60, $"{lines} lines");

        var rules = FaqSynonyms.Default.Rules
            .GroupBy(r => r.Phrase)
            .ToDictionary(g => g.Key, g => g.SelectMany(r => r.Synonyms).ToList());
        Assert.Contains("rifiuti", rules["spazzatura"]);
        Assert.Contains("verbale", rules["multa"]);
        Assert.Contains("contravvenzione", rules["multa"]);
        Assert.Contains("illuminazione pubblica", rules["lampione"]);
        Assert.Contains("cambio di residenza", rules["trasloco"]);
        Assert.Contains("carta d'identità elettronica", rules["cie"]);
        Assert.Contains("cie", rules["carta d'identità elettronica"]);
    }

    [Fact]
    public void Parse_reads_one_way_rules_equivalences_and_comments()
    {
        var synonyms = FaqSynonyms.Parse("""
            # commento
            spazzatura => rifiuti, raccolta   # a fine riga

            cie, carta d'identità elettronica
            """);

        Assert.Equal(3, synonyms.Rules.Count);
        Assert.Equal(["rifiuti", "raccolta"], synonyms.Rules[0].Synonyms);
        Assert.Equal(["carta d'identità elettronica"], synonyms.Rules[1].Synonyms);
        Assert.Equal("carta d'identità elettronica", synonyms.Rules[2].Phrase);
        Assert.Equal(["cie"], synonyms.Rules[2].Synonyms);
    }

    [Theory]
    [InlineData("spazzatura =>")]
    [InlineData("=> rifiuti")]
    [InlineData("solo una parola")]
    [InlineData("a => b => c")]
    public void Parse_refuses_a_malformed_line_naming_it(string line)
    {
        var error = Assert.Throws<FormatException>(() => FaqSynonyms.Parse("multa => verbale\n" + line));
        Assert.Contains("Riga 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToText_round_trips() =>
        Assert.Equal(
            FaqSynonyms.Default.Rules.Select(r => (r.Phrase, string.Join("|", r.Synonyms))),
            FaqSynonyms.Parse(FaqSynonyms.Default.ToText()).Rules.Select(r => (r.Phrase, string.Join("|", r.Synonyms))));
}
