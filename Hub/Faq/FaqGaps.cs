using System.Globalization;
using LineaHub.Hub.Errors;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Faq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Faq;

/// <summary>
/// The gaps report: logged searches grouped by their normalised form, keeping the groups searched at least
/// <c>minSearches</c> times whose searches never led to an entry "used to answer" — candidates for new entries. A
/// network editor sees every office's searches; any other office only its own. One SQL query, grouped in the database.
/// </summary>
public sealed class FaqGaps(HubDbContext db, TimeProvider clock, IOptions<FaqOptions> options)
{
    public const string NetworkScope = "network";
    public const string NodeScope = "node";

    public async Task<FaqGapsReport> ReportAsync(
        FaqActor actor, string? from, string? to, string? minSearches, string? limit, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var errors = new ValidationErrors();
        var end = Instant(errors, "to", to) ?? clock.GetUtcNow();
        var start = Instant(errors, "from", from) ?? end.AddDays(-settings.GapsDefaultDays);
        if (errors.IsEmpty && start >= end)
        {
            errors.Add("to", "'to' deve essere successivo a 'from' (intervallo [from, to)).");
        }

        var min = Number(errors, "minSearches", minSearches, settings.GapsMinSearches, 1, int.MaxValue);
        var size = Number(errors, "limit", limit, settings.GapsDefaultLimit, 1, settings.GapsMaxLimit);
        errors.ThrowIfInvalid();

        var searches = db.FaqSearchLog.AsNoTracking().Where(s => s.At >= start && s.At < end);
        if (!actor.IsEditor)
        {
            searches = searches.Where(s => s.NodeId == actor.Node.Id);
        }

        // One row per (search, feedback on it); counts of searches are distinct, so a search with several feedbacks
        // still counts once.
        var rows =
            from s in searches
            join f in db.FaqFeedback.AsNoTracking()
                on new { s.NodeId, SearchId = (Guid?)s.SearchId } equals new { f.NodeId, f.SearchId } into matched
            from f in matched.DefaultIfEmpty()
            select new { s.Id, s.NormalisedQuery, s.Query, s.NodeId, s.TotalHits, s.At, Kind = f == null ? null : f.Kind };
        var gaps = await rows
            .GroupBy(r => r.NormalisedQuery)
            .Select(g => new
            {
                NormalisedQuery = g.Key,
                SampleQuery = g.Max(r => r.Query),
                Searches = g.Select(r => r.Id).Distinct().Count(),
                ZeroHitSearches = g.Where(r => r.TotalHits == 0).Select(r => r.Id).Distinct().Count(),
                NotHelpful = g.Count(r => r.Kind == FaqFeedbackKinds.NotHelpful),
                Used = g.Count(r => r.Kind == FaqFeedbackKinds.Used),
                Offices = g.Select(r => r.NodeId).Distinct().Count(),
                LastSeenAt = g.Max(r => r.At),
            })
            .Where(g => g.Searches >= min && g.Used == 0)
            .OrderByDescending(g => g.Searches)
            .ThenByDescending(g => g.LastSeenAt)
            .ThenBy(g => g.NormalisedQuery)
            .Take(size)
            .ToListAsync(cancellationToken);
        return new FaqGapsReport(
            actor.IsEditor ? NetworkScope : NodeScope, start, end, min,
            [.. gaps.Select(g => new FaqGap(g.NormalisedQuery, g.SampleQuery!, g.Searches, g.ZeroHitSearches, g.NotHelpful, g.Offices, g.LastSeenAt))]);
    }

    private static DateTimeOffset? Instant(ValidationErrors errors, string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return instant.ToUniversalTime();
        }

        errors.Add(field, "Indicare un istante RFC 3339, es. 2026-11-01T00:00:00Z.");
        return null;
    }

    private static int Number(ValidationErrors errors, string field, string? value, int fallback, int min, int max)
    {
        if (value is null)
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        errors.Add(field, $"Un numero intero da {min} a {max}.");
        return fallback;
    }
}
