using GraphQL.Types;

namespace LineaHub.Hub.Analytics.GraphQL;

/// <summary>One grouped dimension and its value, as GraphQL has no map type.</summary>
public sealed class GroupValueGraphType : ObjectGraphType<KeyValuePair<string, string>>
{
    public GroupValueGraphType()
    {
        Name = "GroupValue";
        Field<NonNullGraphType<StringGraphType>>("dimension").Resolve(context => context.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("value").Resolve(context => context.Source.Value);
    }
}
