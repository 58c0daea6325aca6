using System.ComponentModel.DataAnnotations;

namespace LineaHub.Hub.Idempotency;

public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>
    /// How long a key is remembered. A retry that comes later is treated as a new request, so this must
    /// exceed the longest time an agent may keep retrying a message whose answer it lost. A week covers an
    /// office closed over a long weekend with its agent unable to reach the hub; the rows are small.
    /// </summary>
    [Range(1, 24 * 90)]
    public int RetentionHours { get; set; } = 24 * 7;

    /// <summary>
    /// Largest response body kept for replay. A larger one is not kept: its replay carries the status and
    /// the <c>Location</c>/<c>ETag</c> headers only, and the caller reads the resource again.
    /// </summary>
    [Range(1024, 1024 * 1024)]
    public int MaxStoredResponseBytes { get; set; } = 64 * 1024;
}
