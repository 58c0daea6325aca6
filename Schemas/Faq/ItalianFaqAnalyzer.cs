using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.It;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace LineaHub.Schemas.Faq;

/// <summary>
/// The Italian analysis chain of the FAQ, the same at index and at query time: standard tokenizer, elision
/// (l', dell', all', un', nell', …), lower case, accent folding (perché = perche, identità = identita),
/// Italian stop words (folded too, so "perche" is dropped like "perché"), light Italian stemming.
/// Synonyms are not in the chain: they are expanded at query time (<see cref="FaqSynonyms"/>).
/// </summary>
public sealed class ItalianFaqAnalyzer : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Elided articles and prepositions; the apostrophe may be ' or ’.</summary>
    public static IReadOnlyList<string> ElidedWords { get; } =
    [
        "c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl", "degl", "negl",
        "sugl", "un", "m", "t", "s", "v", "d", "quest", "quell", "nessun", "buon", "sant", "tutt",
    ];

    private static readonly CharArraySet Articles = new(Version, ElidedWords.ToList(), ignoreCase: true);

    private static readonly CharArraySet StopWords = FoldedStopWords();

    /// <summary>Italian stop words (Lucene's Snowball list), accent-folded.</summary>
    public static IReadOnlyCollection<string> StopWordList { get; } = StopWords.Select(w => w.ToString()).ToArray();

    /// <inheritdoc />
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        return new TokenStreamComponents(source, Filters(source));
    }

    /// <summary>
    /// The chain after the tokenizer. Each of its filters looks at one token at a time, so a filter put between
    /// the tokenizer and this chain (as snippets do, <see cref="FaqSnippet"/>) leaves the tokens it passes exactly
    /// as the analyser makes them.
    /// </summary>
    internal static TokenStream Filters(TokenStream tokens)
    {
        TokenStream stream = new ElisionFilter(tokens, Articles);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(Version, stream, StopWords);
        return new ItalianLightStemFilter(stream);
    }

    private static CharArraySet FoldedStopWords()
    {
        var words = new List<string>();
        foreach (var word in ItalianAnalyzer.DefaultStopSet)
        {
            var text = word.ToString()!;
            words.Add(Fold(text));
        }

        return new CharArraySet(Version, words, ignoreCase: true).AsReadOnly();
    }

    internal static string Fold(string text)
    {
        var input = text.ToCharArray();
        var output = new char[input.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(input, 0, output, 0, input.Length);
        return new string(output, 0, length);
    }
}
