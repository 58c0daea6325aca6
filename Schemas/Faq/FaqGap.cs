namespace LineaHub.Schemas.Faq;

/// <summary>
/// A group of logged searches that asked the same thing (same <see cref="FaqQueryNormaliser">normalised form</see>)
/// and never led to an entry used to answer: a candidate for a new entry.
/// </summary>
/// <param name="NormalisedQuery">The group's key.</param>
/// <param name="SampleQuery">One query of the group as it was logged (anonymised).</param>
/// <param name="Searches">Searches in the group.</param>
/// <param name="ZeroHitSearches">Of those, the ones that found nothing.</param>
/// <param name="NotHelpful">"Not helpful" feedback given on results of these searches.</param>
/// <param name="Offices">Distinct offices that searched it.</param>
/// <param name="LastSeenAt">When it was last searched.</param>
public sealed record FaqGap(
    string NormalisedQuery,
    string SampleQuery,
    int Searches,
    int ZeroHitSearches,
    int NotHelpful,
    int Offices,
    DateTimeOffset LastSeenAt);
