namespace LineaHub.Schemas.Faq;

/// <summary>
/// One synonym rule: when a query contains <paramref name="Phrase"/>, entries that use any of
/// <paramref name="Synonyms"/> match too (scored a little below the words actually typed).
/// </summary>
/// <param name="Phrase">Word or phrase as typed (analysed like the query, so case and accents do not matter).</param>
/// <param name="Synonyms">Words or phrases to search as well.</param>
public sealed record FaqSynonymRule(string Phrase, IReadOnlyList<string> Synonyms);
