namespace LineaHub.Hub.Overflow;

/// <summary>The receiver chosen, with its expected delay, or none and why.</summary>
public sealed record DispatchDecision(DispatchCandidate? Receiver, TimeSpan? ExpectedDelay, int EligibleCount)
{
    public bool Found => Receiver is not null;
}
