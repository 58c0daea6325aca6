namespace LineaHub.Schemas.Faq;

/// <summary>The network's synonym list in the <see cref="FaqSynonyms"/> text format.</summary>
/// <param name="Text">One rule a line, <c>#</c> for comments.</param>
/// <param name="Version">Change number of its last edit.</param>
public sealed record FaqSynonymsView(string Text, long Version);
