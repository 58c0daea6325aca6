using System.Linq.Expressions;
using LineaHub.Hub.Archive;

namespace LineaHub.Hub.Analytics;

/// <summary>
/// The pieces of an analytics query as expression trees, so that grouping, bucketing and filtering run in the
/// database on either provider. The rollups and the raw records name their dimension columns alike
/// (<see cref="TrendDimensions.Property"/>), so one builder serves all three tables.
/// </summary>
internal static class ArchiveExpressions
{
    private static readonly Expression<Func<DateOnly, DateOnly>> WeekStart = day => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static readonly Expression<Func<DateOnly, DateOnly>> MonthStart = day => day.AddDays(1 - day.Day);

    // Translated to SQL (strpos/instr, substring): the char overloads the analyzers prefer are not translated by Npgsql.
#pragma warning disable CA1866, CA1865
    private static readonly Expression<Func<string, string>> TopLevel =
        category => category.IndexOf(".") >= 0 ? category.Substring(0, category.IndexOf(".")) : category;
#pragma warning restore CA1866, CA1865

    /// <summary>Rows whose dimensions take one of the filter's values (a category value also matches its subtree).</summary>
    public static IQueryable<T> Filtered<T>(this IQueryable<T> source, AnalyticsFilter filter)
    {
        foreach (var dimension in filter.Dimensions)
        {
            var row = Expression.Parameter(typeof(T), "row");
            var column = Expression.Property(row, dimension.Property());
            var values = filter.Of(dimension).Distinct(StringComparer.Ordinal).ToArray();
            Expression predicate = Expression.Call(
                typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], Parameter(values), column);
            if (dimension == ArchiveDimension.Category)
            {
                foreach (var value in values)
                {
                    predicate = Expression.OrElse(predicate, Expression.Call(
                        column, typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!, Parameter(value + ".")));
                }
            }

            source = source.Where(Expression.Lambda<Func<T, bool>>(predicate, row));
        }

        return source;
    }

    /// <summary>
    /// The grouping key of a cell: bucket start and up to two dimension values ("" for an unused one, a constant the
    /// database does not group by); with <paramref name="histogram"/>, also the duration measure.
    /// </summary>
    public static Expression<Func<T, CellKey<TStart>>> CellKeyOf<T, TStart>(
        Expression<Func<T, TStart>> start, IReadOnlyList<TrendDimension> groupBy, bool histogram = false)
    {
        var row = start.Parameters[0];
        var key = typeof(CellKey<TStart>);
        var body = Expression.MemberInit(
            Expression.New(key),
            Expression.Bind(key.GetProperty(nameof(CellKey<TStart>.Start))!, start.Body),
            Expression.Bind(key.GetProperty(nameof(CellKey<TStart>.First))!, Key(row, groupBy.ElementAtOrDefault(0), groupBy.Count > 0)),
            Expression.Bind(key.GetProperty(nameof(CellKey<TStart>.Second))!, Key(row, groupBy.ElementAtOrDefault(1), groupBy.Count > 1)),
            Expression.Bind(key.GetProperty(nameof(CellKey<TStart>.Measure))!, histogram
                ? Expression.Property(row, nameof(ArchiveDurationRollup.Measure)) : Expression.Constant((short)0)));
        return Expression.Lambda<Func<T, CellKey<TStart>>>(body, row);
    }

    /// <summary>
    /// A histogram row with the key of its cell (<see cref="CellKeyOf"/> with the measure): histograms are arrays,
    /// which the database does not add up, so the query returns them keyed and the hub sums them.
    /// </summary>
    public static Expression<Func<ArchiveDurationRollup, KeyedHistogram<TStart>>> KeyedHistogramOf<TStart>(
        Expression<Func<ArchiveDurationRollup, TStart>> start, IReadOnlyList<TrendDimension> groupBy)
    {
        var cellKey = CellKeyOf(start, groupBy, histogram: true);
        var row = cellKey.Parameters[0];
        var type = typeof(KeyedHistogram<TStart>);
        var body = Expression.MemberInit(
            Expression.New(type),
            Expression.Bind(type.GetProperty(nameof(KeyedHistogram<TStart>.Key))!, cellKey.Body),
            Expression.Bind(type.GetProperty(nameof(KeyedHistogram<TStart>.Counts))!, Expression.Property(row, nameof(ArchiveDurationRollup.Counts))));
        return Expression.Lambda<Func<ArchiveDurationRollup, KeyedHistogram<TStart>>>(body, row);
    }

    /// <summary>The value of one dimension of a row (the top-level category computed in SQL).</summary>
    public static Expression<Func<T, string>> KeyOf<T>(TrendDimension dimension)
    {
        var row = Expression.Parameter(typeof(T), "row");
        return Expression.Lambda<Func<T, string>>(Key(row, dimension, used: true), row);
    }

    /// <summary>The first day of the bucket a row's <c>Day</c> falls in.</summary>
    public static Expression<Func<T, DateOnly>> BucketStart<T>(TimeBucket? bucket)
    {
        var row = Expression.Parameter(typeof(T), "row");
        Expression day = Expression.Property(row, nameof(ArchiveRollup.Day));
        var body = bucket switch
        {
            TimeBucket.Week => Inline(WeekStart, day),
            TimeBucket.Month => Inline(MonthStart, day),
            // No bucket (durations over the whole range): one constant start, which no database groups by.
            null => Expression.Constant(DateOnly.MinValue),
            _ => day,
        };
        return Expression.Lambda<Func<T, DateOnly>>(body, row);
    }

    private static Expression Key(ParameterExpression row, TrendDimension dimension, bool used)
    {
        if (!used)
        {
            return Expression.Constant(RollupCube.All);
        }

        var column = Expression.Property(row, dimension.Stored().Property());
        return dimension == TrendDimension.TopCategory ? Inline(TopLevel, column) : column;
    }

    private static Expression Inline(LambdaExpression lambda, Expression argument) =>
        new Replacer(lambda.Parameters[0], argument).Visit(lambda.Body);

    /// <summary>A value EF Core sends as a parameter (a member of a captured object), not as a literal: one plan per query shape.</summary>
    private static MemberExpression Parameter<TValue>(TValue value) =>
        Expression.Property(Expression.Constant(new Captured<TValue>(value)), nameof(Captured<TValue>.Value));

    private sealed class Captured<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }

    private sealed class Replacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}

/// <summary>The grouping key of one cell (used inside queries only).</summary>
internal sealed class CellKey<TStart>
{
    public required TStart Start { get; init; }

    public required string First { get; init; }

    public required string Second { get; init; }

    public required short Measure { get; init; }
}

/// <summary>One histogram row of a cell as the database returns it.</summary>
internal sealed class KeyedHistogram<TStart>
{
    public required CellKey<TStart> Key { get; init; }

    public required int[] Counts { get; init; }
}

/// <summary>One cell of a result as the database returns it.</summary>
internal sealed class CellCount<TStart>
{
    public required TStart Start { get; init; }

    public required string First { get; init; }

    public required string Second { get; init; }

    public long Contacts { get; init; }
}
