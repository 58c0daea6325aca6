using System.ComponentModel.DataAnnotations;
using LineaHub.Schemas.Archive;

namespace LineaHub.NodeAgent.Archive;

public sealed class ArchiveOptions
{
    public const string Section = "Archive";

    /// <summary>Records per batch sent to the hub; a batch leaves as soon as it is full.</summary>
    [Range(1, ArchiveRecordRules.MaxRecordsPerBatch)]
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Longest wait of a closed contact for its batch to fill: after this many seconds a smaller batch leaves. Also how
    /// often records stored by another process (the command-line import) are looked for.
    /// </summary>
    [Range(1, 3600)]
    public int BatchSeconds { get; set; } = 5;

    /// <summary>
    /// Batches waiting in the outbox at once. Formed batches are fixed (a retry sends the same body), so while the hub is
    /// away the rest wait as records rather than as batches; and ticket writes, which share the outbox line, never queue
    /// behind more than this many batches.
    /// </summary>
    [Range(1, 100)]
    public int MaxQueuedBatches { get; set; } = 2;

    /// <summary>Refused records and dead batches listed by the status (the counts cover all of them).</summary>
    [Range(1, 1000)]
    public int StatusListLimit { get; set; } = 20;
}
