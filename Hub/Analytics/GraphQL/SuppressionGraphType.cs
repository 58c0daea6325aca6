using GraphQL.Types;

namespace LineaHub.Hub.Analytics.GraphQL;

public sealed class SuppressionGraphType : ObjectGraphType<SuppressionInfo>
{
    public SuppressionGraphType()
    {
        Name = "Suppression";
        Description = "Across entities, cells counting fewer contacts than minimumCellCount are withheld.";
        Field(s => s.Applied);
        Field(s => s.MinimumCellCount, nullable: true);
    }
}
