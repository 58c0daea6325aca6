namespace LineaHub.Schemas.Faq;

/// <summary>What an operator says of a search result.</summary>
public static class FaqFeedbackKinds
{
    /// <summary>The entry was used to answer the citizen.</summary>
    public const string Used = "used";

    /// <summary>The entry was shown but did not help.</summary>
    public const string NotHelpful = "not_helpful";

    /// <summary>Whether <paramref name="kind"/> is one of the kinds above.</summary>
    public static bool IsKnown(string? kind) => kind is Used or NotHelpful;
}
