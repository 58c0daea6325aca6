using System.ComponentModel.DataAnnotations;

namespace LineaHub.NodeAgent.Outbox;

public sealed class OutboxOptions : IValidatableObject
{
    public const string Section = "Outbox";

    /// <summary>Upper bound of the wait after the first failed attempt; it doubles with each further failure.</summary>
    [Range(1, 3600)]
    public int BaseDelaySeconds { get; set; } = 1;

    /// <summary>The doubling stops here, so an agent cut off for days still tries every few minutes.</summary>
    [Range(1, 86_400)]
    public int MaxDelaySeconds { get; set; } = 300;

    /// <summary>
    /// Longest sleep with nothing due. New messages from this process wake the sender at once; this picks up
    /// those written by another process (e.g. the command line) on the same database.
    /// </summary>
    [Range(1, 3600)]
    public int IdlePollSeconds { get; set; } = 30;

    /// <summary>Messages read from the database at a time.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// A 409 is retried, since it is what a hub answers while the same idempotency key is still being processed;
    /// but a 409 that lasts this many attempts is a real conflict and would hold back every later message.
    /// </summary>
    [Range(1, 1000)]
    public int ConflictAttempts { get; set; } = 10;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxDelaySeconds < BaseDelaySeconds)
        {
            yield return new ValidationResult(
                $"{nameof(MaxDelaySeconds)} must not be less than {nameof(BaseDelaySeconds)}.",
                [nameof(MaxDelaySeconds)]);
        }
    }
}
