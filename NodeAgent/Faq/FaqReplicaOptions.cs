using System.ComponentModel.DataAnnotations;
using LineaHub.Schemas.Faq;

namespace LineaHub.NodeAgent.Faq;

/// <summary>The office's offline replica of the shared FAQ and what its searches send back to the network.</summary>
public sealed class FaqReplicaOptions : IValidatableObject
{
    public const string Section = "Faq";

    /// <summary>How often the replica asks the hub for changes; an entry published on the hub is searchable here within this time.</summary>
    [Range(1, 3600)]
    public int SyncIntervalSeconds { get; set; } = 30;

    /// <summary>Changes asked for per request; a replica that is far behind reads several pages in a row.</summary>
    [Range(1, FaqChangesPage.MaxLimit)]
    public int SyncPageSize { get; set; } = FaqChangesPage.DefaultLimit;

    /// <summary>Upper bound of the wait after the first failed sync (hub down); it doubles with each further failure.</summary>
    [Range(1, 3600)]
    public int BaseDelaySeconds { get; set; } = 1;

    /// <summary>The doubling stops here.</summary>
    [Range(1, 3600)]
    public int MaxDelaySeconds { get; set; } = 60;

    /// <summary>Searches tell the operator the replica may be out of date when no sync has succeeded for this long.</summary>
    [Range(1, 30 * 86_400)]
    public int StaleAfterSeconds { get; set; } = 600;

    /// <summary>Searches per batch sent to the hub's search log; a batch leaves as soon as it is full.</summary>
    [Range(1, FaqSearchLogBatch.MaxSearches)]
    public int SearchLogBatchSize { get; set; } = 100;

    /// <summary>Longest wait of a logged search for its batch to fill: after this many seconds a smaller batch leaves.</summary>
    [Range(1, 3600)]
    public int SearchLogBatchSeconds { get; set; } = 60;

    /// <summary>Search batches waiting in the outbox at once; while the hub is away the rest wait as searches.</summary>
    [Range(1, 100)]
    public int SearchLogMaxQueuedBatches { get; set; } = 2;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxDelaySeconds < BaseDelaySeconds)
        {
            yield return new ValidationResult(
                $"{nameof(MaxDelaySeconds)} must not be less than {nameof(BaseDelaySeconds)}.", [nameof(MaxDelaySeconds)]);
        }
    }
}
