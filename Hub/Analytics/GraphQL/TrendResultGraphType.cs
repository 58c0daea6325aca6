using GraphQL.Types;

namespace LineaHub.Hub.Analytics.GraphQL;

public sealed class TrendResultGraphType : ObjectGraphType<TrendResult>
{
    public TrendResultGraphType()
    {
        Name = "TrendResult";
        Field(r => r.Bucket);
        Field(r => r.From);
        Field(r => r.To);
        Field(r => r.GroupBy);
        Field(r => r.Source).Description("The rollup cube read, or 'records' for hours.");
        Field<NonNullGraphType<SuppressionGraphType>>("suppression").Resolve(context => context.Source.Suppression);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TrendSeriesGraphType>>>>("series").Resolve(context => context.Source.Series);
    }
}
