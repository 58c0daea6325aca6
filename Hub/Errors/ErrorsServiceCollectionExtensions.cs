using Microsoft.AspNetCore.Http.Features;

namespace LineaHub.Hub.Errors;

public static class ErrorsServiceCollectionExtensions
{
    public static IServiceCollection AddHubErrors(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // A request id in every problem lets an operator quote it and an admin find the log line.
            context.ProblemDetails.Extensions["requestId"] =
                context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.Id ?? context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();

        // Malformed JSON and oversized bodies surface as exceptions so that ProblemExceptionHandler
        // can name the offending field instead of answering an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }
}
