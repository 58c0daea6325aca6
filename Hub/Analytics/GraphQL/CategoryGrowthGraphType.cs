using GraphQL.Types;

namespace LineaHub.Hub.Analytics.GraphQL;

public sealed class CategoryGrowthGraphType : ObjectGraphType<CategoryGrowth>
{
    public CategoryGrowthGraphType()
    {
        Name = "CategoryGrowth";
        Field(c => c.Category);
        Field(c => c.Count, nullable: true);
        Field(c => c.Suppressed);
        Field(c => c.PreviousCount, nullable: true);
        Field(c => c.PreviousSuppressed);
        Field(c => c.Growth, nullable: true).Description("(count − previous) / previous; null when either is suppressed or previous is zero.");
    }
}
