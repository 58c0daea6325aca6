using GraphQL.Types;

namespace LineaHub.Hub.Analytics.GraphQL;

public sealed class AnalyticsFilterInputType : InputObjectGraphType<AnalyticsFilterInput>
{
    public AnalyticsFilterInputType()
    {
        Name = "AnalyticsFilter";
        Description = "Values each dimension must take (any of them). A category matches its subtree.";
        Field(f => f.Category, nullable: true);
        Field(f => f.Entity, nullable: true).Description("A node may name only its own entity.");
        Field(f => f.Region, nullable: true);
        Field(f => f.Channel, nullable: true);
        Field(f => f.RequestType, nullable: true);
        Field(f => f.Outcome, nullable: true);
        Field(f => f.Area, nullable: true);
    }
}
