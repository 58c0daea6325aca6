namespace LineaHub.Hub.Faq;

/// <summary>The network's synonym list as editors keep it (the <c>FaqSynonyms</c> text format), one row.</summary>
public sealed class FaqSynonymList
{
    public const int SingleId = 1;

    public int Id { get; set; }

    public required string Text { get; set; }

    /// <summary>The change number of the last edit (same sequence as entries).</summary>
    public long Version { get; set; }

    public Guid? UpdatedByNodeId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
