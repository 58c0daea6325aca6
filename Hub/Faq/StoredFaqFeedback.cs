namespace LineaHub.Hub.Faq;

/// <summary>
/// An operator's feedback on an entry, stored once per (node, feedback id) so that a resent one counts once (storage
/// entity). Kept until <see cref="FaqOptions.LearningRetentionDays"/>; the entry's counts stay after that.
/// </summary>
public sealed class StoredFaqFeedback
{
    public long Id { get; set; }

    public Guid NodeId { get; set; }

    public Guid FeedbackId { get; set; }

    public Guid EntryId { get; set; }

    /// <summary><c>used</c> or <c>not_helpful</c> (<see cref="Schemas.Faq.FaqFeedbackKinds"/>).</summary>
    public required string Kind { get; set; }

    /// <summary>The logged search (same node) the entry was found with, if any.</summary>
    public Guid? SearchId { get; set; }

    public DateTimeOffset At { get; set; }
}
