using GraphQL.Types;

namespace LineaHub.Hub.Analytics.GraphQL;

public sealed class TrendSeriesGraphType : ObjectGraphType<TrendSeries>
{
    public TrendSeriesGraphType()
    {
        Name = "TrendSeries";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GroupValueGraphType>>>>("group").Resolve(context => context.Source.Group);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TrendPointGraphType>>>>("points").Resolve(context => context.Source.Points);
    }
}
