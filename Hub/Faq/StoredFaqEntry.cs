using LineaHub.Schemas.Faq;

namespace LineaHub.Hub.Faq;

/// <summary>A FAQ entry as the hub stores it (storage entity; never sent over the wire).</summary>
public sealed class StoredFaqEntry
{
    public Guid Id { get; set; }

    public required string Question { get; set; }

    public required string Answer { get; set; }

    public required string CategoryCode { get; set; }

    public List<string> Keywords { get; set; } = [];

    public FaqScope Scope { get; set; }

    /// <summary>The owner's region, for a regional entry.</summary>
    public string? RegionCode { get; set; }

    /// <summary>The owner's entity code, for a local entry.</summary>
    public string? EntityCode { get; set; }

    public DateTimeOffset? ValidFrom { get; set; }

    public DateTimeOffset? ValidTo { get; set; }

    public Guid OwnerNodeId { get; set; }

    public FaqStatus Status { get; set; }

    /// <summary>The network-wide change number of the last change (<see cref="FaqChangeCounter"/>): replicas and
    /// agents follow the FAQ by asking for entries above the highest version they applied.</summary>
    public long Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Feedback "used to answer", one per feedback id; kept when the feedback rows pass their retention.</summary>
    public int UsedCount { get; set; }

    /// <summary>Feedback "not helpful", likewise.</summary>
    public int NotHelpfulCount { get; set; }

    public List<FaqEntryVersion> Versions { get; set; } = [];

    public FaqEntry ToSearchEntry() => new(
        Id.ToString(), Question, Answer, CategoryCode, Keywords, Scope, RegionCode, EntityCode, ValidFrom, ValidTo, Version, Status);
}
