using LineaHub.Schemas.Faq;

namespace LineaHub.NodeAgent.Faq;

/// <summary>One entry of the office's replica, its answer as written and as safe HTML (<see cref="FaqMarkdown"/>).</summary>
public sealed record LocalFaqEntry(
    string Id,
    string Question,
    string Answer,
    string AnswerHtml,
    string CategoryCode,
    IReadOnlyList<string> Keywords,
    FaqScope Scope,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidTo,
    long Version)
{
    public static LocalFaqEntry From(FaqEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Id, entry.Question, entry.Answer, FaqMarkdown.ToSafeHtml(entry.Answer), entry.CategoryCode, entry.Keywords,
            entry.Scope, entry.ValidFrom, entry.ValidTo, entry.Version);
    }
}
