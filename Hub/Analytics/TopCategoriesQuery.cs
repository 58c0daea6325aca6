using System.Globalization;
using LineaHub.Hub.Archive;
using LineaHub.Hub.Errors;
using LineaHub.Hub.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Analytics;

/// <summary>
/// The categories with most contacts in a period and their growth against the period of equal length just before,
/// in one grouped query over the smallest covering cube (both periods summed side by side).
/// </summary>
public sealed class TopCategoriesQuery(HubDbContext db, IOptions<AnalyticsOptions> options)
{
    public async Task<TopCategoriesResult> RunAsync(TopCategoriesRequest request, AnalyticsViewer viewer, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var errors = new ValidationErrors();
        AnalyticsValidation.CheckRange(errors, request.From, request.To, limits.MaxRangeDays);
        AnalyticsValidation.CheckFilter(errors, request.Filter, limits.MaxFilterValues);
        if (request.Limit < 1 || request.Limit > limits.MaxTopCategories)
        {
            errors.Add("limit", string.Create(CultureInfo.InvariantCulture, $"Da 1 a {limits.MaxTopCategories}."));
        }

        errors.ThrowIfInvalid();

        var filter = viewer.Scope(request.Filter);
        var cube = RollupCube.Covering(filter.Dimensions.Append(ArchiveDimension.Category))!;
        var (cubeId, from, to, limit) = (cube.Id, request.From, request.To, request.Limit);
        var previousFrom = from.AddDays(from.DayNumber - to.DayNumber);

        // In a suppressed view the categories below the threshold rank after the others by code, not by their count,
        // so their order reveals nothing the suppression withholds.
        var rankFloor = viewer.MinimumCellCount ?? 0;
        var rows = await db.ArchiveRollups.AsNoTracking()
            .Where(r => r.Cube == cubeId && r.Day >= previousFrom && r.Day < to)
            .Filtered(filter)
            .GroupBy(ArchiveExpressions.KeyOf<ArchiveRollup>(request.TopLevel ? TrendDimension.TopCategory : TrendDimension.Category))
            .Select(g => new
            {
                Category = g.Key,
                Current = g.Sum(r => r.Day >= from ? r.Contacts : 0),
                Previous = g.Sum(r => r.Day < from ? r.Contacts : 0),
            })
            .Where(c => c.Current > 0)
            .OrderByDescending(c => c.Current >= rankFloor ? c.Current : 0)
            .ThenBy(c => c.Category)
            .Take(limit)
            .ToListAsync(cancellationToken);

        var categories = rows.Select(c =>
        {
            var suppressed = viewer.Suppresses(c.Current);
            var previousSuppressed = viewer.Suppresses(c.Previous);
            double? growth = suppressed || previousSuppressed || c.Previous == 0
                ? null
                : (c.Current - c.Previous) / (double)c.Previous;
            return new CategoryGrowth(
                c.Category,
                suppressed ? null : c.Current,
                suppressed,
                previousSuppressed ? null : c.Previous,
                previousSuppressed,
                growth);
        }).ToList();
        return new TopCategoriesResult(request.From, request.To, previousFrom, request.TopLevel, cube.Name, viewer.Suppression, categories);
    }
}
