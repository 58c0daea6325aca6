using System.Security.Claims;
using LineaHub.Hub.Analytics.GraphQL;
using LineaHub.Hub.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LineaHub.Hub.Analytics;

/// <summary>
/// Trend queries over the archive's rollups for analysts (<c>analytics.read</c>, across entities, small cells
/// suppressed) and nodes (<c>network.node</c>, their own entity only). The same use cases answer <c>/graphql</c>.
/// </summary>
public static class AnalyticsApi
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/analytics")
            .WithTags("Analytics")
            .RequireAuthorization(HubPolicies.Analytics)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/trends", TrendsAsync)
            .WithName("GetTrends")
            .WithSummary("Contacts per hour, day, week or month over [from, to) (Italian days), grouped by up to two dimensions, filtered on any; cells below the minimum count are suppressed across entities.");
        group.MapGet("/top-categories", TopCategoriesAsync)
            .WithName("GetTopCategories")
            .WithSummary("The categories with most contacts over [from, to) and their growth against the previous period of equal length.");
        group.MapGet("/durations", DurationsAsync)
            .WithName("GetDurations")
            .WithSummary("First-response and resolution times: percentiles from duration histograms and averages, by category, entity or region.");

        app.MapAnalyticsGraphQL();
        return app;
    }

    private static async Task<Ok<TrendResult>> TrendsAsync(
        [AsParameters] TrendParameters parameters, ClaimsPrincipal user, AnalyticsAccess access, TrendQuery query, CancellationToken cancellationToken)
    {
        var request = parameters.ToRequest();
        var viewer = await access.ViewerAsync(user, cancellationToken);
        return TypedResults.Ok(await query.RunAsync(request, viewer, cancellationToken));
    }

    private static async Task<Ok<TopCategoriesResult>> TopCategoriesAsync(
        [AsParameters] TopCategoriesParameters parameters, ClaimsPrincipal user, AnalyticsAccess access, TopCategoriesQuery query, CancellationToken cancellationToken)
    {
        var request = parameters.ToRequest();
        var viewer = await access.ViewerAsync(user, cancellationToken);
        return TypedResults.Ok(await query.RunAsync(request, viewer, cancellationToken));
    }

    private static async Task<Ok<DurationsResult>> DurationsAsync(
        [AsParameters] DurationsParameters parameters, ClaimsPrincipal user, AnalyticsAccess access, DurationsQuery query, CancellationToken cancellationToken)
    {
        var request = parameters.ToRequest();
        var viewer = await access.ViewerAsync(user, cancellationToken);
        return TypedResults.Ok(await query.RunAsync(request, viewer, cancellationToken));
    }
}
