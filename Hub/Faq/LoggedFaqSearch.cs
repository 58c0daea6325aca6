namespace LineaHub.Hub.Faq;

/// <summary>
/// One search an operator ran, kept for the gaps report until <see cref="FaqOptions.LearningRetentionDays"/> (storage
/// entity). The query is anonymised: by the agent for searches on its replica, by the hub for its own.
/// </summary>
public sealed class LoggedFaqSearch
{
    public const int MaxQueryLength = 2_000;

    public long Id { get; set; }

    /// <summary>The office that searched.</summary>
    public Guid NodeId { get; set; }

    /// <summary>Chosen by the searcher (the hub for its own searches); unique per node.</summary>
    public Guid SearchId { get; set; }

    /// <summary>The anonymised text (placeholders may make it longer than the query typed).</summary>
    public required string Query { get; set; }

    /// <summary>The gaps report's grouping key (<see cref="Schemas.Faq.FaqQueryNormaliser"/>).</summary>
    public required string NormalisedQuery { get; set; }

    public string? CategoryCode { get; set; }

    public int TotalHits { get; set; }

    public DateTimeOffset At { get; set; }
}
