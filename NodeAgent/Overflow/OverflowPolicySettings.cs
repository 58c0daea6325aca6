namespace LineaHub.NodeAgent.Overflow;

/// <summary>The overflow options in force.</summary>
public sealed record OverflowPolicySettings(
    bool AutoOffer,
    int ThresholdSeconds,
    IReadOnlyList<string> OptOutCategories,
    int MaxOffersPerMinute,
    bool AutoAccept);
