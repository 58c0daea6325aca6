namespace LineaHub.Schemas.Faq;

/// <summary>One search result.</summary>
/// <param name="Id">Entry id.</param>
/// <param name="Score">Relevance (BM25, comparable only within one search).</param>
/// <param name="Question">The entry's question, plain.</param>
/// <param name="Snippet">Part of the answer (or the question) around the matches, HTML-escaped, matches in <c>&lt;mark&gt;</c>.</param>
/// <param name="CategoryCode">Taxonomy category code.</param>
/// <param name="Version">Entry version the hit was indexed from.</param>
public sealed record FaqHit(string Id, float Score, string Question, string Snippet, string CategoryCode, long Version);
