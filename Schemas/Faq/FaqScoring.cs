namespace LineaHub.Schemas.Faq;

/// <summary>The weights of the FAQ ranking, in one place (tuned on the labelled set in tests/Schemas.Tests/Faq).</summary>
internal static class FaqScoring
{
    public const float QuestionBoost = 3.0f;
    public const float KeywordsBoost = 2.0f;
    public const float AnswerBoost = 1.0f;

    /// <summary>Share of the other fields' scores added to the best field's (DisjunctionMax tie breaker).</summary>
    public const float FieldTieBreaker = 0.3f;

    /// <summary>A synonym's weight relative to the word typed.</summary>
    public const float SynonymWeight = 0.8f;

    /// <summary>A typo-corrected word's weight relative to the word typed.</summary>
    public const float FuzzyWeight = 0.6f;

    /// <summary>Shortest word (as typed) that gets typo tolerance; shorter words are too ambiguous.</summary>
    public const int FuzzyMinLength = 5;

    /// <summary>Words of this length or more may have two edits; shorter ones one.</summary>
    public const int FuzzyTwoEditsLength = 8;

    /// <summary>Leading characters a typo-corrected word must share with the typed one.</summary>
    public const int FuzzyPrefixLength = 1;

    /// <summary>
    /// Most words of one query that get typo tolerance (the first unknown ones): in a long description an unknown
    /// word is more often a word no entry uses than a typo, and each one costs Levenshtein automata.
    /// </summary>
    public const int FuzzyMaxWords = 3;

    /// <summary>Most index terms one typo may expand to.</summary>
    public const int FuzzyMaxExpansions = 20;

    /// <summary>
    /// Most concepts (words or synonym phrases) one query keeps: a longer description keeps its rarest ones (highest
    /// IDF, field boost included). Its common words ("pagare", "comune", "casa") weigh little in any score, but
    /// each is a posting list read over the whole index, which Lucene.Net 4.8 scores exhaustively.
    /// </summary>
    public const int MaxConcepts = 6;

    /// <summary>
    /// Fewest documents a term must be in (besides more than half of them) for its clause in a field to be left out
    /// of a query that has a less common word (see <see cref="FaqTermLookup"/>).
    /// </summary>
    public const int CommonTermMinDocs = 1_000;

    /// <summary>Length of a snippet, in characters of the answer.</summary>
    public const int SnippetLength = 220;
}
