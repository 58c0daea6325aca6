using System.Globalization;
using LineaHub.Schemas.Nodes;
using TaxonomyRules = LineaHub.Schemas.Taxonomy.Taxonomy;

namespace LineaHub.Hub.Overflow;

/// <summary>
/// The overflow rule, as pure code so that the hub and the routing simulation run the very same
/// decision. Among nodes that are active, fresh, accepting, open now, competent for the category,
/// speaking the language, not the origin and not already declined, it picks the one with the shortest
/// expected delay — (queue + overflow in flight + 1) × average handling time ÷ operators online — then
/// prefers the origin's region, then the node that received least overflow recently.
/// </summary>
public sealed class DispatchPolicy(TimeProvider clock, TimeSpan freshWithin, TimeZoneInfo timeZone)
{
    public DispatchDecision Choose(DispatchRequest request, IEnumerable<DispatchCandidate> candidates)
    {
        var now = clock.GetUtcNow();
        var localNow = TimeZoneInfo.ConvertTime(now, timeZone);
        DispatchCandidate? best = null;
        var bestDelay = TimeSpan.MaxValue;
        var eligible = 0;
        foreach (var candidate in candidates)
        {
            if (!IsEligible(request, candidate, now, localNow))
            {
                continue;
            }

            var delay = ExpectedDelay(candidate);
            if (request.MaxExpectedDelay is { } limit && delay >= limit)
            {
                continue;
            }

            eligible++;
            if (best is null || IsBetter(request, candidate, delay, best, bestDelay))
            {
                best = candidate;
                bestDelay = delay;
            }
        }

        return new DispatchDecision(best, best is null ? null : bestDelay, eligible);
    }

    /// <summary>(queue + in flight + 1) × average handling ÷ operators: when the offered ticket would start.</summary>
    public static TimeSpan ExpectedDelay(DispatchCandidate candidate) =>
        TimeSpan.FromSeconds((candidate.QueueLength + candidate.OverflowInFlight + 1)
            * (double)candidate.AverageHandlingSeconds / Math.Max(1, candidate.OperatorsOnline));

    public bool IsEligible(DispatchRequest request, DispatchCandidate candidate, DateTimeOffset now, DateTimeOffset localNow) =>
        candidate.NodeId != request.OriginNodeId
        && !request.DeclinedBy.Contains(candidate.NodeId)
        && candidate.Status == NodeStates.Active
        && candidate.LastReportAt is { } reportedAt && now - reportedAt <= freshWithin
        && candidate.AcceptingOverflow
        && candidate.OperatorsOnline > 0
        && candidate.OfficeOpen && IsWithinOpeningHours(candidate.OpeningHours, localNow)
        && candidate.Competences.Any(competence => TaxonomyRules.Covers(competence, request.Category))
        && candidate.Languages.Contains(request.Language, StringComparer.Ordinal);

    /// <summary>No hours registered means the office's own open/closed report decides alone.</summary>
    public static bool IsWithinOpeningHours(IReadOnlyList<OpeningHours> hours, DateTimeOffset localNow)
    {
        if (hours.Count == 0)
        {
            return true;
        }

        var day = localNow.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)localNow.DayOfWeek;
        var time = TimeOnly.FromTimeSpan(localNow.TimeOfDay);
        return hours.Any(window => window.Day == day
            && TimeOnly.TryParseExact(window.Opens, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var opens)
            && TimeOnly.TryParseExact(window.Closes, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var closes)
            && time >= opens && time < closes);
    }

    private static bool IsBetter(DispatchRequest request, DispatchCandidate candidate, TimeSpan delay, DispatchCandidate best, TimeSpan bestDelay)
    {
        // Whole seconds: a delay estimate is not precise below that, and ties must be able to happen.
        var seconds = (long)delay.TotalSeconds;
        var bestSeconds = (long)bestDelay.TotalSeconds;
        if (seconds != bestSeconds)
        {
            return seconds < bestSeconds;
        }

        var sameRegion = candidate.RegionCode == request.OriginRegionCode;
        var bestSameRegion = best.RegionCode == request.OriginRegionCode;
        if (sameRegion != bestSameRegion)
        {
            return sameRegion;
        }

        if (candidate.RecentOverflowReceived != best.RecentOverflowReceived)
        {
            return candidate.RecentOverflowReceived < best.RecentOverflowReceived;
        }

        // Last, a stable order so that two hub replicas decide alike.
        return candidate.NodeId.CompareTo(best.NodeId) < 0;
    }
}
