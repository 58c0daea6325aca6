using GraphQL.Types;

namespace LineaHub.Hub.Analytics.GraphQL;

public sealed class DurationCellGraphType : ObjectGraphType<DurationCell>
{
    public DurationCellGraphType()
    {
        Name = "DurationCell";
        Field(c => c.Start, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GroupValueGraphType>>>>("group").Resolve(context => context.Source.Group);
        Field(c => c.Measure);
        Field(c => c.Count, nullable: true);
        Field(c => c.Suppressed);
        Field(c => c.AverageSeconds, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PercentileValueGraphType>>>>("percentiles").Resolve(context => context.Source.Percentiles);
    }
}
