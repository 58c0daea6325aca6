using System.ComponentModel.DataAnnotations;

namespace LineaHub.Hub.Faq;

public sealed class FaqOptions
{
    public const string Section = "Faq";

    public const int MaxQuestionLength = 500;

    public const int MaxAnswerLength = 10_000;

    public const int MaxKeywords = 30;

    public const int MaxKeywordLength = 60;

    public const int MaxSynonymsLength = 100_000;

    /// <summary>How often the index asks the database for changes above the highest version it applied; another
    /// replica's publish is searchable here within this time (plus the query).</summary>
    [Range(100, 60_000)]
    public int SyncIntervalMilliseconds { get; set; } = 1_000;

    /// <summary>How far in the future a feedback's or logged search's time may be (offices' clocks differ).</summary>
    [Range(0, 3_600)]
    public int ClockSkewSeconds { get; set; } = 300;

    /// <summary>Days the search log and the feedback rows are kept; the counts on entries stay.</summary>
    [Range(1, 3_650)]
    public int LearningRetentionDays { get; set; } = 180;

    /// <summary>Largest body of a batch of logged searches (500 queries of up to 1,000 characters).</summary>
    [Range(64 * 1024, 64 * 1024 * 1024)]
    public long MaxSearchLogBatchBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>The hub's own searches waiting to be written to the search log; when full, a search is answered but not
    /// logged (counted and logged as a warning).</summary>
    [Range(100, 1_000_000)]
    public int SearchLogQueueCapacity { get; set; } = 20_000;

    /// <summary>Most of the hub's own searches written to the search log in one statement.</summary>
    [Range(1, 10_000)]
    public int SearchLogWriteBatchSize { get; set; } = 500;

    /// <summary>Fewest searches a group needs in the gaps report when the caller does not say.</summary>
    [Range(1, 10_000)]
    public int GapsMinSearches { get; set; } = 3;

    /// <summary>Days the gaps report looks back when the caller gives no <c>from</c>.</summary>
    [Range(1, 3_650)]
    public int GapsDefaultDays { get; set; } = 30;

    /// <summary>Groups returned when the caller gives no <c>limit</c>.</summary>
    [Range(1, 10_000)]
    public int GapsDefaultLimit { get; set; } = 50;

    /// <summary>Most groups one report returns.</summary>
    [Range(1, 10_000)]
    public int GapsMaxLimit { get; set; } = 500;
}
