using GraphQL;
using GraphQL.Types;
using LineaHub.Hub.Archive;

namespace LineaHub.Hub.Analytics.GraphQL;

/// <summary>
/// <c>trends</c>, <c>topCategories</c>, <c>durations</c>. Each resolves the caller's view from the bearer token exactly
/// as REST does and runs the use case with the request's services (the DbContext is scoped, and the schema runs the
/// query serially so two fields never share it at once).
/// </summary>
public sealed class AnalyticsQueryType : ObjectGraphType
{
    public AnalyticsQueryType()
    {
        Name = "Query";

        Field<NonNullGraphType<TrendResultGraphType>>("trends")
            .Description("Contacts per time bucket over [from, to) (Italian days), grouped by up to two dimensions.")
            .Argument<NonNullGraphType<EnumerationGraphType<TimeBucket>>>("bucket", "HOUR (ranges up to 31 days), DAY, WEEK (ISO), MONTH.")
            .Argument<NonNullGraphType<DateGraphType>>("from", "First Italian day included.")
            .Argument<NonNullGraphType<DateGraphType>>("to", "First Italian day excluded.")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<TrendDimension>>>>("groupBy", "Up to two dimensions.")
            .Argument<AnalyticsFilterInputType>("filter")
            .ResolveAsync(async context =>
            {
                var request = new TrendRequest(
                    context.GetArgument<TimeBucket>("bucket"),
                    Date(context, "from"),
                    Date(context, "to"),
                    context.GetArgument<List<TrendDimension>?>("groupBy") ?? [],
                    Filter(context));
                var viewer = await ViewerAsync(context);
                return await Service<TrendQuery>(context).RunAsync(request, viewer, context.CancellationToken);
            });

        Field<NonNullGraphType<TopCategoriesResultGraphType>>("topCategories")
            .Description("The categories with most contacts over [from, to) and their growth against the previous period of equal length.")
            .Argument<NonNullGraphType<DateGraphType>>("from")
            .Argument<NonNullGraphType<DateGraphType>>("to")
            .Argument<IntGraphType>("limit", "How many (default 10).")
            .Argument<BooleanGraphType>("topLevel", "Rank top-level categories instead of leaf codes.")
            .Argument<AnalyticsFilterInputType>("filter")
            .ResolveAsync(async context =>
            {
                var request = new TopCategoriesRequest(
                    Date(context, "from"),
                    Date(context, "to"),
                    context.GetArgument("limit", TopCategoriesParameters.DefaultLimit),
                    context.GetArgument("topLevel", false),
                    Filter(context));
                var viewer = await ViewerAsync(context);
                return await Service<TopCategoriesQuery>(context).RunAsync(request, viewer, context.CancellationToken);
            });

        Field<NonNullGraphType<DurationsResultGraphType>>("durations")
            .Description("First-response and resolution times (percentiles and averages) by category, entity or region.")
            .Argument<NonNullGraphType<DateGraphType>>("from")
            .Argument<NonNullGraphType<DateGraphType>>("to")
            .Argument<EnumerationGraphType<TimeBucket>>("bucket", "DAY, WEEK or MONTH; none for the whole range.")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<TrendDimension>>>>("groupBy", "Up to two of CATEGORY, TOP_CATEGORY, ENTITY, REGION.")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<DurationMeasure>>>>("measures", "Default both.")
            .Argument<ListGraphType<NonNullGraphType<FloatGraphType>>>("percentiles", "Default 50, 90, 99.")
            .Argument<AnalyticsFilterInputType>("filter")
            .ResolveAsync(async context =>
            {
                var measures = context.GetArgument<List<DurationMeasure>?>("measures");
                var percentiles = context.GetArgument<List<double>?>("percentiles");
                var request = new DurationsRequest(
                    Date(context, "from"),
                    Date(context, "to"),
                    context.GetArgument<TimeBucket?>("bucket"),
                    context.GetArgument<List<TrendDimension>?>("groupBy") ?? [],
                    Filter(context),
                    measures is { Count: > 0 } ? measures : DurationsRequest.AllMeasures,
                    percentiles is { Count: > 0 } ? percentiles : DurationsRequest.DefaultPercentiles);
                var viewer = await ViewerAsync(context);
                return await Service<DurationsQuery>(context).RunAsync(request, viewer, context.CancellationToken);
            });
    }

    /// <summary>graphql-dotnet's Date scalar arrives as a <see cref="DateTime"/> at midnight.</summary>
    private static DateOnly Date(IResolveFieldContext context, string name) =>
        DateOnly.FromDateTime(context.GetArgument<DateTime>(name));

    private static T Service<T>(IResolveFieldContext context) where T : notnull =>
        context.RequestServices!.GetRequiredService<T>();

    private static Task<AnalyticsViewer> ViewerAsync(IResolveFieldContext context) =>
        Service<AnalyticsAccess>(context).ViewerAsync(context.User!, context.CancellationToken);

    private static AnalyticsFilter Filter(IResolveFieldContext context)
    {
        var input = context.GetArgument<AnalyticsFilterInput?>("filter");
        if (input is null)
        {
            return AnalyticsFilter.None;
        }

        var values = new Dictionary<ArchiveDimension, IReadOnlyList<string>>();
        void Add(ArchiveDimension dimension, List<string>? list)
        {
            if (list is { Count: > 0 })
            {
                values[dimension] = list;
            }
        }

        Add(ArchiveDimension.Category, input.Category);
        Add(ArchiveDimension.Entity, input.Entity);
        Add(ArchiveDimension.Region, input.Region);
        Add(ArchiveDimension.Channel, input.Channel);
        Add(ArchiveDimension.RequestType, input.RequestType);
        Add(ArchiveDimension.Outcome, input.Outcome);
        Add(ArchiveDimension.Area, input.Area);
        return new AnalyticsFilter(values);
    }
}
