namespace LineaHub.Schemas.Faq;

/// <summary>The hub's answer to a feedback: whether it was counted now, and the entry's counts after it.</summary>
/// <param name="FeedbackId">The feedback's id.</param>
/// <param name="EntryId">The entry it is about.</param>
/// <param name="AlreadyStored">True when the hub had this feedback id from this office already: not counted again.</param>
/// <param name="UsedCount">How often operators used the entry to answer.</param>
/// <param name="NotHelpfulCount">How often operators found it not helpful.</param>
public sealed record FaqFeedbackResponse(Guid FeedbackId, Guid EntryId, bool AlreadyStored, int UsedCount, int NotHelpfulCount);
