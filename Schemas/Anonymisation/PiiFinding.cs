namespace LineaHub.Schemas.Anonymisation;

/// <summary>
/// A span of personal data in the original text: where it was and what it was, never the text itself,
/// so a finding can be logged or counted without leaking what it points at.
/// </summary>
/// <param name="Start">Offset of the first character in the original text.</param>
/// <param name="Length">Number of characters replaced.</param>
public readonly record struct PiiFinding(PiiLabel Label, int Start, int Length)
{
    /// <summary>Offset just past the last character.</summary>
    public int End => Start + Length;
}
