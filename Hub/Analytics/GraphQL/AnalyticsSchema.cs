using GraphQL.Types;

namespace LineaHub.Hub.Analytics.GraphQL;

/// <summary>The analysts' GraphQL schema: queries only, over the same use cases as the REST routes. A singleton.</summary>
public sealed class AnalyticsSchema : Schema
{
    public AnalyticsSchema(IServiceProvider services, AnalyticsQueryType query) : base(services)
    {
        Query = query;
    }
}
