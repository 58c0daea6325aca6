using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using LineaHub.Hub.Auth;

namespace LineaHub.Hub.Analytics.GraphQL;

/// <summary>
/// <c>POST /graphql</c> without the GraphQL.Server packages: read a <see cref="GraphQLRequest"/>, execute it with the
/// caller and the request's services, answer <c>application/graphql-response+json</c> — 200 when the document was
/// executed (field errors included), 400 when it was not (unreadable, invalid, too deep or too complex).
/// </summary>
public static class AnalyticsGraphQLEndpoint
{
    public const string Path = "/graphql";

    public const string MediaType = "application/graphql-response+json";

    public static IEndpointRouteBuilder MapAnalyticsGraphQL(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ExecuteAsync)
            .WithName("GraphQL")
            .WithSummary("GraphQL for analysts: trends, topCategories, durations, with the same access rules as /api/v1/analytics.")
            .WithTags("Analytics")
            .RequireAuthorization(HubPolicies.Analytics)
            .Accepts<GraphQLRequest>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: MediaType)
            .Produces(StatusCodes.Status400BadRequest, contentType: MediaType)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task ExecuteAsync(
        HttpContext http, IDocumentExecuter<AnalyticsSchema> executer, IGraphQLTextSerializer serializer, CancellationToken cancellationToken)
    {
        GraphQLRequest? request;
        try
        {
            request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, cancellationToken);
        }
        catch (JsonException)
        {
            request = null;
        }

        ExecutionResult result;
        if (request is null || string.IsNullOrWhiteSpace(request.Query))
        {
            result = new ExecutionResult { Executed = false };
            result.AddError(new ExecutionError("The body must be a JSON GraphQL request with a 'query'.") { Code = "INVALID_REQUEST" });
        }
        else
        {
            result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Query = request.Query,
                OperationName = request.OperationName,
                Variables = request.Variables,
                Extensions = request.Extensions,
                User = http.User,
                RequestServices = http.RequestServices,
                CancellationToken = cancellationToken,
            });
        }

        http.Response.StatusCode = result.Executed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        http.Response.ContentType = MediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, cancellationToken);
    }
}
