namespace LineaHub.Hub.Faq;

/// <summary>
/// The single row holding the last FAQ change number. Every change takes the next number by updating this row first
/// in its transaction, which also serialises FAQ writers: changes commit in version order, so a replica polling for
/// "version above the highest I applied" never skips a lower number that commits later.
/// </summary>
public sealed class FaqChangeCounter
{
    public const string FaqName = "faq";

    public required string Name { get; set; }

    public long Value { get; set; }
}
