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
}
