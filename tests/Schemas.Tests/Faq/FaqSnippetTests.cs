using System.Text;
using Lucene.Net.Analysis.TokenAttributes;
using LineaHub.Schemas.Faq;

namespace LineaHub.Schemas.Tests.Faq;

public sealed class FaqSnippetTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    // Forms the analysis treats in different ways: case, accents folded, elided articles with either apostrophe,
    // stop words, stems shared by several words, words that are prefixes of each other, characters that fold to
    // more than one letter, and a capital whose lower case is ASCII.
    private static readonly string[] Words =
    [
        "anagrafe", "ANAGRAFE", "Anagrafi", "l'anagrafe", "dell’Anagrafe", "all'ANAGRAFE", "anagraf", "ana",
        "città", "CITTÀ", "citta", "Città", "perché", "perche", "identità", "IDENTITA", "l'identità", "d'identita",
        "carta", "carte", "CARTA", "cartacea", "car", "la", "il", "della", "è", "e", "ISEE", "isee", "l'isee",
        "rifiuti", "rifiuto", "Rifiuta", "œuvre", "Œuvre", "straße", "strasse", "İstanbul", "istanbul", "ærea",
        "aerea", "tassa", "tasse", "TASSI", "l'", "un'auto", "auto", "AUTO", "autobus", "qu'il", "pagamento",
        // Punctuation inside and around words, and characters that join or split words in the tokenizer: a snippet
        // only tokenizes the parts of a text between spaces that could hold a match, so these check that it cuts
        // them as the whole text is cut.
        "(anagrafe)", "«carta»", "“città”", "tari,", "TARI.", "3,5", "www.comune.it", "e-mail", "carta-identità",
        "ab_cd", "isee_2026", "l’auto.", "perché?", "€50", "n°3", "A\u0301nagrafe", "citta\u0300", "\u0301carta", "日本",
        "Straße.", "anagrafe/carta", "isee;tasse", "d'«auto»", "2026", "l'2026",
    ];

    private static readonly string[] Separators = [" ", " ", " ", "\n", ", ", " - ", "  ", "\u00A0", " \u0301", "\t"];

    [Fact]
    public void Snippet_marks_exactly_the_words_the_analyser_turns_into_query_terms()
    {
        var random = new Random(20261202);
        using var analyzer = new ItalianFaqAnalyzer();
        for (var round = 0; round < 1000; round++)
        {
            var answerWords = Enumerable.Range(0, random.Next(3, 16)).Select(_ => Words[random.Next(Words.Length)]).ToList();
            var answer = string.Concat(answerWords.Select((word, i) => i == 0 ? word : Separators[random.Next(Separators.Length)] + word));
            var query = string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => answerWords[random.Next(answerWords.Count)]));
            var queryTerms = Terms(analyzer, query).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
            if (queryTerms.Count == 0)
            {
                continue; // only stop words
            }

            using var index = new FaqIndex(FaqSynonyms.Empty);
            index.Apply(new FaqEntry("e1", "Domanda", answer, "tributi", [], FaqScope.Network, null, null, null, null, 1, FaqStatus.Published));

            var hits = index.Search(new FaqSearchRequest(query, null, null, null, Now)).Hits;
            Assert.True(hits.Count == 1, $"query [{query}] answer [{answer}]");
            var hit = hits[0];

            // Snippets are cut from the answer's plain text (whitespace collapsed, Markdown markers dropped).
            var plain = FaqText.ToPlainText(answer);
            Assert.Equal(Expected(plain, Terms(analyzer, plain).Where(t => queryTerms.Contains(t.Term))), hit.Snippet);
        }
    }

    private static List<(string Term, int Start, int End)> Terms(ItalianFaqAnalyzer analyzer, string text)
    {
        var terms = new List<(string, int, int)>();
        using var stream = analyzer.GetTokenStream("answer", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return terms;
    }

    private static string Expected(string answer, IEnumerable<(string Term, int Start, int End)> marked)
    {
        var html = new StringBuilder();
        var cursor = 0;
        foreach (var (_, start, end) in marked)
        {
            html.Append(answer[cursor..start]).Append("<mark>").Append(answer[start..end]).Append("</mark>");
            cursor = end;
        }

        return html.Append(answer[cursor..]).Replace("'", "&#39;").ToString();
    }
}
