namespace LineaHub.Schemas.Faq;

/// <summary>The gaps report: frequent searches with no result used, most searched first.</summary>
/// <param name="Scope"><c>network</c> for a network editor (every office's searches), <c>node</c> for an office's own.</param>
/// <param name="From">First instant included.</param>
/// <param name="To">First instant excluded.</param>
/// <param name="MinSearches">Fewest searches a group needs to be reported.</param>
/// <param name="Gaps">The groups, at most the requested limit.</param>
public sealed record FaqGapsReport(string Scope, DateTimeOffset From, DateTimeOffset To, int MinSearches, IReadOnlyList<FaqGap> Gaps);
