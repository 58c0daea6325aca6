using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using LineaHub.Hub.Analytics.GraphQL;
using LineaHub.Hub.Errors;
using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Analytics;

public static class AnalyticsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddAnalytics(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AnalyticsOptions>()
            .BindConfiguration(AnalyticsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<AnalyticsAccess>();
        services.AddScoped<TrendQuery>();
        services.AddScoped<TopCategoriesQuery>();
        services.AddScoped<DurationsQuery>();

        services.AddGraphQL(graphQL => graphQL
            .AddSchema<AnalyticsSchema>()
            .AddGraphTypes(typeof(AnalyticsSchema).Assembly)
            .AddSystemTextJson()
            // Every field reads the request's one DbContext, which allows a single operation at a time.
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
            .AddComplexityAnalyzer((complexity, provider) =>
            {
                var limits = provider.GetRequiredService<IOptions<AnalyticsOptions>>().Value;
                complexity.MaxDepth = limits.GraphQLMaxDepth;
                complexity.MaxComplexity = limits.GraphQLMaxComplexity;
            })
            .AddUnhandledExceptionHandler(context =>
            {
                // A domain refusal (bad argument, another node's entity) is the caller's to read, as in REST; anything
                // else keeps graphql-dotnet's generic message and is logged by it.
                if (context.OriginalException is DomainException domain)
                {
                    var error = new ExecutionError(domain.Message) { Code = CodeOf(domain.StatusCode) };
                    if (domain.Errors is { } errors)
                    {
                        error.Extensions = new Dictionary<string, object?> { ["errors"] = errors };
                    }

                    context.Exception = error;
                }

                return Task.CompletedTask;
            }));
        return builder;
    }

    private static string CodeOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "BAD_REQUEST",
        StatusCodes.Status403Forbidden => "FORBIDDEN",
        StatusCodes.Status404NotFound => "NOT_FOUND",
        StatusCodes.Status409Conflict => "CONFLICT",
        StatusCodes.Status422UnprocessableEntity => "UNPROCESSABLE",
        _ => "ERROR",
    };
}
