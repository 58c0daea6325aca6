using LineaHub.Schemas.Faq;
using Lucene.Net.Analysis.TokenAttributes;

namespace LineaHub.Schemas.Tests.Faq;

public sealed class ItalianFaqAnalyzerTests
{
    private static List<string> Terms(string text)
    {
        using var analyzer = new ItalianFaqAnalyzer();
        using var stream = analyzer.GetTokenStream("question", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var terms = new List<string>();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    [Theory]
    [InlineData("l'anagrafe", "anagrafe")]
    [InlineData("dell'anagrafe", "anagrafe")]
    [InlineData("all’anagrafe", "anagrafe")]
    [InlineData("nell'ufficio", "ufficio")]
    [InlineData("un'autorizzazione", "autorizzazione")]
    [InlineData("sull'isola", "isola")]
    public void Elided_articles_and_prepositions_are_removed(string elided, string plain) =>
        Assert.Equal(Terms(plain), Terms(elided));

    [Theory]
    [InlineData("identità", "identita")]
    [InlineData("perché è scaduta", "perche e scaduta")]
    [InlineData("città", "citta")]
    [InlineData("Agibilità", "agibilita")]
    public void Accents_fold_at_index_and_query_time(string accented, string plain)
    {
        Assert.Equal(Terms(accented), Terms(plain));
    }

    [Fact]
    public void Stop_words_are_dropped_with_or_without_accents()
    {
        Assert.Empty(Terms("perché"));
        Assert.Empty(Terms("perche"));
        Assert.Equal(["carta", "identit"], Terms("la carta di identità"));
    }

    [Theory]
    [InlineData("certificato", "certificati")]
    [InlineData("scadenza", "scadenze")]
    [InlineData("rifiuto", "rifiuti")]
    [InlineData("contributo", "contributi")]
    public void Light_stemming_joins_singular_and_plural(string singular, string plural) =>
        Assert.Equal(Terms(singular), Terms(plural));

    [Fact]
    public void Case_does_not_matter() => Assert.Equal(Terms("tari imu"), Terms("TARI Imu"));
}
