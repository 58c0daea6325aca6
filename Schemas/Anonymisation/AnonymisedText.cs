namespace LineaHub.Schemas.Anonymisation;

/// <summary>Result of <see cref="TextAnonymiser.Anonymise(string)"/>.</summary>
/// <param name="Text">The text with every finding replaced by its placeholder.</param>
/// <param name="Findings">What was replaced, ordered by position; offsets refer to the original text.</param>
public sealed record AnonymisedText(string Text, IReadOnlyList<PiiFinding> Findings)
{
    /// <summary>True when nothing personal was found (the text is returned unchanged).</summary>
    public bool IsClean => Findings.Count == 0;
}
