using LineaHub.Schemas.Faq;

namespace LineaHub.Hub.Faq;

/// <summary>One change of a FAQ entry, kept for history: who, when, what changed, and the entry as it became.</summary>
public sealed class FaqEntryVersion
{
    public long Id { get; set; }

    public Guid EntryId { get; set; }

    /// <summary>The change number the entry got with this change.</summary>
    public long Version { get; set; }

    /// <summary>created, updated, submitted, published or archived (<see cref="FaqActions"/>).</summary>
    public required string Action { get; set; }

    public Guid ActorNodeId { get; set; }

    /// <summary>Whether the actor acted as a network editor (scope faq.editor).</summary>
    public bool ActorIsEditor { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Names of the fields this change modified (empty for a pure state change).</summary>
    public List<string> ChangedFields { get; set; } = [];

    public FaqStatus Status { get; set; }

    public required string Question { get; set; }

    public required string Answer { get; set; }

    /// <summary>Where the change came from when not typed in (<c>ticket LA-…</c>); null otherwise.</summary>
    public string? Source { get; set; }
}
