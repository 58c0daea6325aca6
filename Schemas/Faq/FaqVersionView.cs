namespace LineaHub.Schemas.Faq;

/// <summary>One change in an entry's history.</summary>
/// <param name="Version">Change number the entry got.</param>
/// <param name="Action"><c>created</c>, <c>updated</c>, <c>submitted</c>, <c>published</c> or <c>archived</c>.</param>
/// <param name="ActorNodeId">The office that made the change.</param>
/// <param name="ActorIsEditor">Whether it acted as a network editor.</param>
/// <param name="At">When.</param>
/// <param name="ChangedFields">Fields the change modified.</param>
/// <param name="Status">Status after the change.</param>
/// <param name="Question">Question after the change.</param>
/// <param name="Answer">Answer after the change.</param>
/// <param name="Source">Where the change came from when not typed in, e.g. <c>ticket LA-XXXX-XXXX</c> for a draft
/// proposed from a resolved ticket; null otherwise.</param>
public sealed record FaqVersionView(
    long Version,
    string Action,
    Guid ActorNodeId,
    bool ActorIsEditor,
    DateTimeOffset At,
    IReadOnlyList<string> ChangedFields,
    string Status,
    string Question,
    string Answer,
    string? Source);
