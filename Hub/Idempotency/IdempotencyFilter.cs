using System.Text;
using System.Text.Json;
using LineaHub.Hub.Errors;
using LineaHub.Hub.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OpenIddict.Abstractions;

namespace LineaHub.Hub.Idempotency;

/// <summary>
/// Idempotency after draft-ietf-httpapi-idempotency-key-header, for one endpoint. Keys are scoped to the
/// caller and the endpoint. The first request with a key runs; a retry with the same content gets the stored
/// answer; the same key with other content gets 422; a key still being processed gets 409 with Retry-After.
/// <para>
/// Claiming the key, the endpoint's own writes and the stored answer commit in one database transaction, so a
/// crash at any point leaves either all of them or none: a retry either replays or runs as if for the first
/// time, never applies the change twice. Answers 2xx and 4xx are kept (the request was handled); a 5xx or an
/// exception rolls everything back, so a retry runs again.
/// </para>
/// <para>
/// A duplicate that arrives while the first request runs waits for it and then gets its answer: on PostgreSQL
/// its INSERT waits on the unique key until the first transaction ends (a commit makes it replay, a rollback
/// lets it run); on SQLite the first transaction holds the single write lock from its start. A committed
/// in-progress row, answered with 409, is never left by this filter; only another writer could leave one.
/// </para>
/// </summary>
public sealed partial class IdempotencyFilter(
    IOptions<IdempotencyOptions> options,
    TimeProvider clock,
    IProblemDetailsService problemDetails,
    ILogger<IdempotencyFilter> logger) : IEndpointFilter
{
    private static readonly string[] KeptHeaders = [HeaderNames.ContentType, HeaderNames.Location, HeaderNames.ETag];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = IdempotencyKeyHeader.Parse(http.Request.Headers[IdempotencyKeyHeader.Name]);
        if (key is null)
        {
            return await next(context);
        }

        var cancellationToken = http.RequestAborted;
        var caller = http.User.GetClaim(OpenIddictConstants.Claims.Subject)
            ?? throw new InvalidOperationException("Idempotency needs an authenticated caller with a 'sub' claim.");
        var endpoint = EndpointName(http);
        var now = clock.GetUtcNow();
        var record = new IdempotencyRecord
        {
            Caller = caller,
            Endpoint = endpoint,
            IdempotencyKey = key,
            RequestHash = await RequestFingerprint.ComputeAsync(http.Request, cancellationToken),
            Status = IdempotencyStates.InProgress,
            CreatedAtUnixSeconds = now.ToUnixTimeSeconds(),
            ExpiresAtUnixSeconds = (now + TimeSpan.FromHours(options.Value.RetentionHours)).ToUnixTimeSeconds(),
        };

        var db = http.RequestServices.GetRequiredService<HubDbContext>();
        var store = http.RequestServices.GetRequiredService<IdempotencyStore>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The claim also takes the filter's own savepoint, which a refusal by the endpoint rolls back to; EF's automatic
        // savepoint around each SaveChanges inside this transaction would only add two round trips per write.
        db.Database.AutoSavepointsEnabled = false;
        if (!await store.TryClaimWithSavepointAsync(record, transaction, cancellationToken))
        {
            var stored = await store.FindAsync(caller, endpoint, key, cancellationToken);
            // Nothing was written: end the transaction before answering (on SQLite it holds the write lock).
            await transaction.RollbackAsync(cancellationToken);
            return Replay(stored, record);
        }

        var (status, headers, body) = await RunCapturedAsync(context, next, transaction);
        if (status >= StatusCodes.Status500InternalServerError)
        {
            // A failure of the hub, not an answer to the request: forget the key so that a retry runs again.
            await transaction.RollbackAsync(cancellationToken);
        }
        else
        {
            var kept = body.Length <= options.Value.MaxStoredResponseBytes;
            if (!kept)
            {
                LogBodyNotKept(logger, endpoint, caller, body.Length);
            }

            await store.CompleteAsync(
                record, status, JsonSerializer.Serialize(headers), kept && body.Length > 0 ? Encoding.UTF8.GetString(body) : null, clock.GetUtcNow(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // Sent only now: a caller that has the answer can count on a retry getting the same one.
        if (body.Length > 0)
        {
            http.Response.ContentLength = body.Length;
            await http.Response.Body.WriteAsync(body, cancellationToken);
        }

        return Results.Empty;
    }

    /// <summary>
    /// Runs the endpoint and its result into a buffer, so that what the caller gets is exactly what is stored.
    /// A domain refusal (4xx) is written here as the problem <see cref="ProblemExceptionHandler"/> would write,
    /// after undoing whatever the endpoint wrote before refusing.
    /// </summary>
    private async Task<(int Status, Dictionary<string, string> Headers, byte[] Body)> RunCapturedAsync(
        EndpointFilterInvocationContext context, EndpointFilterDelegate next, IDbContextTransaction transaction)
    {
        var http = context.HttpContext;
        var responseBody = http.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        var capture = new StreamResponseBodyFeature(buffer, responseBody);
        http.Features.Set<IHttpResponseBodyFeature>(capture);
        try
        {
            try
            {
                var result = await next(context);
                await AsResult(result).ExecuteAsync(http);
            }
            catch (DomainException refused) when (refused.StatusCode < StatusCodes.Status500InternalServerError && !refused.IsTransient)
            {
                await transaction.RollbackToSavepointAsync(IdempotencyStore.EndpointSavepoint, http.RequestAborted);
                http.Response.Clear();
                http.Response.StatusCode = refused.StatusCode;
                await problemDetails.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = ProblemExceptionHandler.FromDomain(refused),
                    Exception = refused,
                });
            }

            await capture.CompleteAsync();
        }
        finally
        {
            http.Features.Set(responseBody);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in KeptHeaders)
        {
            if (http.Response.Headers.TryGetValue(name, out var value))
            {
                headers[name] = value.ToString();
            }
        }

        return (http.Response.StatusCode, headers, buffer.ToArray());
    }

    private StoredResponse Replay(IdempotencyRecord? stored, IdempotencyRecord request)
    {
        if (stored is null || stored.Status != IdempotencyStates.Completed)
        {
            // Only a transaction that is still running has such a row; a moment later it has an answer.
            throw new IdempotencyKeyInProgressException();
        }

        if (!string.Equals(stored.RequestHash, request.RequestHash, StringComparison.Ordinal))
        {
            LogKeyReused(logger, request.Endpoint, request.Caller);
            throw new IdempotencyKeyReusedException();
        }

        LogReplayed(logger, request.Endpoint, request.Caller, stored.ResponseStatusCode ?? 0);
        return new StoredResponse(stored);
    }

    private static IResult AsResult(object? result) => result switch
    {
        IResult http => http,
        null => Results.Empty,
        string text => Results.Text(text),
        _ => Results.Json(result),
    };

    private static string EndpointName(HttpContext http)
    {
        var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value;
        return $"{http.Request.Method} {pattern}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed the stored {Status} for {Endpoint} to {Caller}")]
    private static partial void LogReplayed(ILogger logger, string endpoint, string caller, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idempotency key reused for a different request on {Endpoint} by {Caller}")]
    private static partial void LogKeyReused(ILogger logger, string endpoint, string caller);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Response of {Endpoint} to {Caller} is {Bytes} bytes, over the limit: its replay will carry no body")]
    private static partial void LogBodyNotKept(ILogger logger, string endpoint, string caller, int bytes);
}
