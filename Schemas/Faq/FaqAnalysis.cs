using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace LineaHub.Schemas.Faq;

/// <summary>Runs the analyser over a text and returns its terms with offsets.</summary>
internal static class FaqAnalysis
{
    public static List<AnalysedToken> Analyse(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<AnalysedToken>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var start = offset.StartOffset;
            var end = offset.EndOffset;
            tokens.Add(new AnalysedToken(term.ToString(), start, end, SurfaceLength(text, start, end)));
        }

        stream.End();
        return tokens;
    }

    public static string[] Terms(Analyzer analyzer, string text) =>
        Analyse(analyzer, FaqFields.Question, text).Select(t => t.Term).ToArray();

    private static int SurfaceLength(string text, int start, int end)
    {
        if (start < 0 || end > text.Length || end <= start)
        {
            return 0;
        }

        var word = text.AsSpan(start, end - start);
        var apostrophe = word.LastIndexOfAny('\'', '\u2019');
        return apostrophe >= 0 ? word.Length - apostrophe - 1 : word.Length;
    }
}
