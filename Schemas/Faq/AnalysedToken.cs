namespace LineaHub.Schemas.Faq;

/// <summary>A term as the analyser left it, with where it came from in the text.</summary>
/// <param name="Term">Folded, stemmed term.</param>
/// <param name="StartOffset">First character of the word in the text.</param>
/// <param name="EndOffset">One past its last character.</param>
/// <param name="SurfaceLength">Length of the word as typed, without an elided article.</param>
internal readonly record struct AnalysedToken(string Term, int StartOffset, int EndOffset, int SurfaceLength);
