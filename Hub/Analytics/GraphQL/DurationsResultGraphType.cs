using GraphQL.Types;

namespace LineaHub.Hub.Analytics.GraphQL;

public sealed class DurationsResultGraphType : ObjectGraphType<DurationsResult>
{
    public DurationsResultGraphType()
    {
        Name = "DurationsResult";
        Field(r => r.From);
        Field(r => r.To);
        Field(r => r.Bucket, nullable: true);
        Field(r => r.GroupBy);
        Field(r => r.Source);
        Field(r => r.Percentiles);
        Field<NonNullGraphType<SuppressionGraphType>>("suppression").Resolve(context => context.Source.Suppression);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DurationCellGraphType>>>>("cells").Resolve(context => context.Source.Cells);
    }
}
