using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LineaHub.NodeAgent.Tests.Outbox;

/// <summary>
/// A real Kestrel server on a loopback port standing in for the hub: it records every write that reaches it
/// and answers as the test tells it to. Stopping it makes the hub unreachable; restarting keeps the port.
/// </summary>
internal sealed class TestHub : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private readonly ConcurrentDictionary<string, HttpStatusCode> _refusals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _replayed = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly RestartableLoopbackServer _server;
    private TaskCompletionSource _arrival = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _failuresLeft;
    private HttpStatusCode _failureStatus;
    private string? _failureRetryAfter;

    private TestHub()
    {
        _server = Listen();
    }

    public Uri BaseAddress => _server.BaseAddress;

    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    public static async Task<TestHub> StartAsync()
    {
        var hub = new TestHub();
        await hub._server.StartAsync();
        return hub;
    }

    /// <summary>The next <paramref name="count"/> writes are answered with <paramref name="status"/> (after being recorded).</summary>
    public void FailNext(int count, HttpStatusCode status, string? retryAfter = null)
    {
        lock (_gate)
        {
            _failuresLeft = count;
            _failureStatus = status;
            _failureRetryAfter = retryAfter;
        }
    }

    /// <summary>Every write to <paramref name="path"/> (e.g. <c>/api/v1/tickets</c>) is refused with a problem.</summary>
    public void Refuse(string path, HttpStatusCode status) => _refusals[path] = status;

    /// <summary>Like <see cref="Refuse"/>, but the refusal is marked as the hub's stored answer for the key.</summary>
    public void RefuseAsReplay(string path, HttpStatusCode status)
    {
        _replayed[path] = true;
        _refusals[path] = status;
    }

    /// <summary>The hub goes away: connections are refused until <see cref="RestartAsync"/>.</summary>
    public Task StopAsync() => _server.StopAsync();

    public Task RestartAsync() => _server.StartAsync();

    /// <summary>Completes when at least <paramref name="count"/> writes have arrived; the timeout only stops a hung test.</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (_received.Count < count)
        {
            var arrival = Volatile.Read(ref _arrival).Task;
            if (_received.Count >= count)
            {
                break;
            }

            await arrival.WaitAsync(timeout.Token);
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private RestartableLoopbackServer Listen()
    {
        // As a route handler (not a RequestDelegate), so the IResult it returns is written.
        var handler = (Func<HttpContext, Task<IResult>>)HandleAsync;
        return new RestartableLoopbackServer(app =>
        {
            app.MapPost("/{**path}", handler);
            app.MapPut("/{**path}", handler);
        });
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var path = context.Request.Path.Value ?? string.Empty;
        _received.Enqueue(new ReceivedRequest(
            context.Request.Method,
            path,
            context.Request.Headers["Idempotency-Key"].ToString(),
            context.Request.ContentType,
            body));
        Interlocked.Exchange(ref _arrival, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

        lock (_gate)
        {
            if (_failuresLeft > 0)
            {
                _failuresLeft--;
                if (_failureRetryAfter is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = retryAfter;
                }

                return Results.StatusCode((int)_failureStatus);
            }
        }

        if (_refusals.TryGetValue(path, out var refusal))
        {
            if (_replayed.ContainsKey(path))
            {
                context.Response.Headers["Idempotency-Replayed"] = "true";
            }

            return Results.Problem(title: "Richiesta non valida", detail: "Il campo categoria non è nella tassonomia.", statusCode: (int)refusal);
        }

        return Results.Json(new { stored = true }, statusCode: StatusCodes.Status201Created);
    }
}

internal sealed record ReceivedRequest(string Method, string Path, string IdempotencyKey, string? ContentType, string Body);
