namespace LineaHub.Schemas.Faq;

/// <summary>
/// An operator's feedback on one entry, sent by the office (through the agent's outbox, so it may arrive late and
/// more than once: <paramref name="FeedbackId"/> makes it count once).
/// </summary>
/// <param name="FeedbackId">Chosen by the sender; the hub counts each id once per node.</param>
/// <param name="EntryId">The FAQ entry the feedback is about.</param>
/// <param name="Kind"><see cref="FaqFeedbackKinds.Used"/> or <see cref="FaqFeedbackKinds.NotHelpful"/>.</param>
/// <param name="SearchId">The logged search the entry was found with, if any (links the feedback to the gaps report).</param>
/// <param name="At">When the operator gave it (UTC).</param>
public sealed record FaqFeedbackRequest(Guid FeedbackId, Guid EntryId, string? Kind, Guid? SearchId, DateTimeOffset At);
