namespace LineaHub.Schemas.Faq;

/// <summary>Why a search was refused.</summary>
public enum FaqQueryProblem
{
    /// <summary>The text is empty or only whitespace.</summary>
    Empty = 0,

    /// <summary>The text is longer than <see cref="FaqQueryRules.MaxQueryLength"/> characters.</summary>
    TooLong = 1,

    /// <summary>The limit is below 1 or above <see cref="FaqQueryRules.MaxLimit"/>.</summary>
    LimitOutOfRange = 2,
}
