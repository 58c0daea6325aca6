using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace LineaHub.Hub.Errors;

/// <summary>
/// The one place where exceptions become HTTP statuses. Domain exceptions carry their own status;
/// malformed bodies and oversized requests come from ASP.NET as <see cref="BadHttpRequestException"/>;
/// anything else is a 500 that is logged and never shows its stack trace.
/// </summary>
public sealed partial class ProblemExceptionHandler(
    IProblemDetailsService problemDetails,
    ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            DomainException domain => FromDomain(domain),
            BadHttpRequestException bad => FromBadRequest(bad),
            _ when DatabaseUnavailable.Matches(exception) => Unavailable(),
            _ => null,
        };

        if (problem is null)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Errore interno",
                Detail = "Si è verificato un errore imprevisto. Riprovare; se persiste, contattare l'amministratore della rete indicando l'identificativo della richiesta.",
            };
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        var retryAfter = exception is DomainException domainException ? domainException.RetryAfter
            : problem.Status == StatusCodes.Status503ServiceUnavailable ? DatabaseUnavailable.RetryAfter
            : null;
        if (retryAfter is { } wait)
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>The problem body of a domain exception; also used where a refusal is answered without throwing.</summary>
    internal static ProblemDetails FromDomain(DomainException exception)
    {
        ProblemDetails problem = exception.Errors is { } errors
            ? new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
            : new ProblemDetails();
        problem.Status = exception.StatusCode;
        problem.Title = exception.Title;
        problem.Detail = exception.Message;
        foreach (var (name, value) in exception.Extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[name] = value;
        }

        return problem;
    }

    private ProblemDetails Unavailable()
    {
        LogDatabaseUnavailable(logger);
        return new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Servizio momentaneamente non disponibile",
            Detail = "Il database dell'hub non risponde in questo momento. La richiesta non è stata registrata: ripeterla tra qualche secondo.",
        };
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException exception)
    {
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Richiesta troppo grande",
                Detail = "Il corpo della richiesta supera la dimensione massima consentita.",
            };
        }

        if (exception.InnerException is JsonException json)
        {
            var field = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
            return new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field] = ["Valore non valido o di tipo errato."],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Richiesta non valida",
                Detail = "Il corpo della richiesta non è un JSON valido per questa operazione.",
            };
        }

        return new ProblemDetails
        {
            Status = exception.StatusCode,
            Title = "Richiesta non valida",
            Detail = "La richiesta non è leggibile: controllare il formato e l'intestazione Content-Type.",
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database cannot serve now; answered 503 with Retry-After")]
    private static partial void LogDatabaseUnavailable(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
