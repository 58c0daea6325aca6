using GraphQL.Types;

namespace LineaHub.Hub.Analytics.GraphQL;

public sealed class TrendPointGraphType : ObjectGraphType<TrendPoint>
{
    public TrendPointGraphType()
    {
        Name = "TrendPoint";
        Field(p => p.Start).Description("First day of the bucket (ISO date), or the hour in Italian time (RFC 3339).");
        Field(p => p.Count, nullable: true).Description("Null when suppressed.");
        Field(p => p.Suppressed);
    }
}
