using LineaHub.Hub.Archive;
using LineaHub.Hub.Errors;

namespace LineaHub.Hub.Analytics;

/// <summary>
/// Who is asking, as far as results are concerned: a node sees its own entity in full detail; an analyst sees across
/// entities with small cells suppressed.
/// </summary>
/// <param name="OwnEntity">The node's entity code; null for an analyst.</param>
/// <param name="MinimumCellCount">The suppression threshold; null when nothing is suppressed (a node's own view).</param>
public sealed record AnalyticsViewer(string? OwnEntity, int? MinimumCellCount)
{
    public SuppressionInfo Suppression => new(MinimumCellCount is not null, MinimumCellCount);

    /// <summary>
    /// Whether a count is withheld. Zero is not: a bucket without contacts is omitted from a trend anyway, so its
    /// absence says the same thing.
    /// </summary>
    public bool Suppresses(long count) => MinimumCellCount is { } minimum && count > 0 && count < minimum;

    /// <summary>
    /// The filter this viewer may run: a node's entity filter becomes its own entity. A node naming another entity is
    /// refused (403) rather than silently answered for its own, which would read as the other entity's figures.
    /// </summary>
    public AnalyticsFilter Scope(AnalyticsFilter filter)
    {
        if (OwnEntity is null)
        {
            return filter;
        }

        if (filter.Of(ArchiveDimension.Entity).Any(e => !string.Equals(e, OwnEntity, StringComparison.Ordinal)))
        {
            throw new ForbiddenException(
                $"Un nodo vede solo i dati del proprio ente ({OwnEntity}); le viste su altri enti richiedono lo scope analytics.read.");
        }

        return filter.With(ArchiveDimension.Entity, [OwnEntity]);
    }
}
