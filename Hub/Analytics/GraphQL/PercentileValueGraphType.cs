using GraphQL.Types;

namespace LineaHub.Hub.Analytics.GraphQL;

public sealed class PercentileValueGraphType : ObjectGraphType<PercentileValue>
{
    public PercentileValueGraphType()
    {
        Name = "PercentileValue";
        Field(p => p.Percentile);
        Field(p => p.Seconds);
    }
}
