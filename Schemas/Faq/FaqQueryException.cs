namespace LineaHub.Schemas.Faq;

/// <summary>
/// A search the index refuses before running it: blank text, text over
/// <see cref="FaqQueryRules.MaxQueryLength"/> characters, or a limit out of range. An API maps it to 400.
/// Lucene syntax in the text is never a reason: the text is analysed, not parsed.
/// The message is Italian, for people.
/// </summary>
public sealed class FaqQueryException(FaqQueryProblem problem, string message) : ArgumentException(message)
{
    /// <summary>What is wrong, for callers that map it to a field error.</summary>
    public FaqQueryProblem Problem { get; } = problem;
}
