using System.Globalization;
using LineaHub.Hub.Archive;
using LineaHub.Hub.Errors;
using LineaHub.Hub.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Analytics;

/// <summary>
/// Contacts per time bucket, grouped by up to two dimensions and filtered on any. Days, weeks and months are summed in
/// the database from the smallest rollup cube that keeps every dimension asked for; hours, which no rollup keeps, are
/// counted on the raw records for short ranges only.
/// </summary>
public sealed class TrendQuery(HubDbContext db, IOptions<AnalyticsOptions> options)
{
    public Task<TrendResult> RunAsync(TrendRequest request, AnalyticsViewer viewer, CancellationToken cancellationToken) =>
        RunAsync(request, viewer, cube: null, cancellationToken);

    /// <summary>Answers from <paramref name="cube"/> instead of the smallest covering one (tests compare cubes).</summary>
    internal async Task<TrendResult> RunAsync(TrendRequest request, AnalyticsViewer viewer, RollupCube? cube, CancellationToken cancellationToken)
    {
        Validate(request);
        var filter = viewer.Scope(request.Filter);
        List<(string Start, string First, string Second, long Contacts)> cells;
        string source;
        if (request.Bucket == TimeBucket.Hour)
        {
            source = "records";
            cells = [.. (await HoursAsync(request, filter, cancellationToken))
                .Select(c => (ItalianCalendar.HourLabel(c.Start), c.First, c.Second, c.Contacts))];
        }
        else
        {
            var needed = AnalyticsValidation.Needed(request.GroupBy, filter).ToList();
            cube ??= CoveringCube(request, filter);
            if (!needed.All(cube.Keeps))
            {
                throw new InvalidOperationException($"The {cube.Name} cube does not keep every dimension of the query.");
            }

            source = cube.Name;
            cells = [.. (await DaysAsync(request, filter, cube, cancellationToken))
                .Select(c => (ItalianCalendar.DayLabel(c.Start), c.First, c.Second, c.Contacts))];
        }

        var series = cells
            .GroupBy(c => (c.First, c.Second))
            .OrderBy(g => g.Key.First, StringComparer.Ordinal).ThenBy(g => g.Key.Second, StringComparer.Ordinal)
            .Select(g => new TrendSeries(
                Group(request.GroupBy, g.Key.First, g.Key.Second),
                [.. g.OrderBy(c => c.Start, StringComparer.Ordinal).Select(c => viewer.Suppresses(c.Contacts)
                    ? new TrendPoint(c.Start, null, Suppressed: true)
                    : new TrendPoint(c.Start, c.Contacts, Suppressed: false))]))
            .ToList();
        return new TrendResult(
            request.Bucket.ToString().ToLowerInvariant(), request.From, request.To,
            [.. request.GroupBy.Select(d => d.Name())], source, viewer.Suppression, series);
    }

    internal static IReadOnlyDictionary<string, string> Group(IReadOnlyList<TrendDimension> groupBy, string first, string second)
    {
        var group = new Dictionary<string, string>(StringComparer.Ordinal);
        if (groupBy.Count > 0)
        {
            group[groupBy[0].Name()] = first;
        }

        if (groupBy.Count > 1)
        {
            group[groupBy[1].Name()] = second;
        }

        return group;
    }

    private void Validate(TrendRequest request)
    {
        var errors = new ValidationErrors();
        var limits = options.Value;
        if (request.Bucket == TimeBucket.Hour)
        {
            AnalyticsValidation.CheckRange(errors, request.From, request.To, limits.MaxHourRangeDays, string.Create(CultureInfo.InvariantCulture,
                $" per il bucket orario: i rollup tengono i giorni, le ore si contano sui record grezzi e un intervallo lungo li scorrerebbe tutti; per periodi più lunghi usare day, week o month"));
        }
        else
        {
            AnalyticsValidation.CheckRange(errors, request.From, request.To, limits.MaxRangeDays);
        }

        AnalyticsValidation.CheckGroupBy(errors, request.GroupBy);
        AnalyticsValidation.CheckFilter(errors, request.Filter, limits.MaxFilterValues);
        errors.ThrowIfInvalid();
    }

    /// <summary>The SQL of a day, week or month trend, with its parameters as comments (benchmarks explain it).</summary>
    internal string SqlOf(TrendRequest request, AnalyticsViewer viewer)
    {
        var filter = viewer.Scope(request.Filter);
        return Days(request, filter, CoveringCube(request, filter)).ToQueryString();
    }

    // For counts the detail cube always covers, so there is always one.
    private static RollupCube CoveringCube(TrendRequest request, AnalyticsFilter filter) =>
        RollupCube.Covering(AnalyticsValidation.Needed(request.GroupBy, filter))!;

    private Task<List<CellCount<DateOnly>>> DaysAsync(TrendRequest request, AnalyticsFilter filter, RollupCube cube, CancellationToken cancellationToken) =>
        Days(request, filter, cube).ToListAsync(cancellationToken);

    private IQueryable<CellCount<DateOnly>> Days(TrendRequest request, AnalyticsFilter filter, RollupCube cube)
    {
        var (cubeId, from, to) = (cube.Id, request.From, request.To);
        return db.ArchiveRollups.AsNoTracking()
            .Where(r => r.Cube == cubeId && r.Day >= from && r.Day < to)
            .Filtered(filter)
            .GroupBy(ArchiveExpressions.CellKeyOf(ArchiveExpressions.BucketStart<ArchiveRollup>(request.Bucket), request.GroupBy))
            .Select(g => new CellCount<DateOnly> { Start = g.Key.Start, First = g.Key.First, Second = g.Key.Second, Contacts = g.Sum(r => r.Contacts) });
    }

    private Task<List<CellCount<DateTimeOffset>>> HoursAsync(TrendRequest request, AnalyticsFilter filter, CancellationToken cancellationToken)
    {
        // Records are closed on the hour (ArchiveRecordRules), and Italy's offsets are whole hours: the closing time is
        // the hour bucket, in UTC or in Italian time alike.
        var (from, to) = (ItalianCalendar.StartOf(request.From), ItalianCalendar.StartOf(request.To));
        return db.ArchivedContacts.AsNoTracking()
            .Where(c => c.ClosedAt >= from && c.ClosedAt < to)
            .Filtered(filter)
            .GroupBy(ArchiveExpressions.CellKeyOf<ArchivedContact, DateTimeOffset>(c => c.ClosedAt, request.GroupBy))
            .Select(g => new CellCount<DateTimeOffset> { Start = g.Key.Start, First = g.Key.First, Second = g.Key.Second, Contacts = g.LongCount() })
            .ToListAsync(cancellationToken);
    }
}
