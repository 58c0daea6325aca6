namespace LineaHub.Schemas.Faq;

/// <summary>What a hit shows of a published entry, held by <see cref="FaqIndex"/> beside the Lucene index (which
/// keeps no stored fields): reading and decompressing stored documents cost as much as the search itself.</summary>
/// <param name="Question">The question.</param>
/// <param name="PlainAnswer">The answer without markup, which snippets are cut from.</param>
/// <param name="CategoryCode">Taxonomy category code.</param>
/// <param name="Version">Version of the entry these texts are from.</param>
internal sealed record FaqShownEntry(string Question, string PlainAnswer, string CategoryCode, long Version)
{
    public static FaqShownEntry From(FaqEntry entry) =>
        new(entry.Question, FaqText.ToPlainText(entry.Answer), entry.CategoryCode, entry.Version);
}
