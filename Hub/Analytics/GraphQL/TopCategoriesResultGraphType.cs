using GraphQL.Types;

namespace LineaHub.Hub.Analytics.GraphQL;

public sealed class TopCategoriesResultGraphType : ObjectGraphType<TopCategoriesResult>
{
    public TopCategoriesResultGraphType()
    {
        Name = "TopCategoriesResult";
        Field(r => r.From);
        Field(r => r.To);
        Field(r => r.PreviousFrom);
        Field(r => r.TopLevel);
        Field(r => r.Source);
        Field<NonNullGraphType<SuppressionGraphType>>("suppression").Resolve(context => context.Source.Suppression);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryGrowthGraphType>>>>("categories").Resolve(context => context.Source.Categories);
    }
}
