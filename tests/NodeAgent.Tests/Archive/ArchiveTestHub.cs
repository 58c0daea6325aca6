using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using LineaHub.Schemas.Archive;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LineaHub.NodeAgent.Tests.Archive;

/// <summary>
/// A real Kestrel server on a loopback port standing in for the hub's <c>POST /api/v1/archive/batches</c>, as its contract
/// says: each record checked with <see cref="ArchiveRecordRules"/> and stored once by id, a refusal per record, the same
/// answer for a repeated idempotency key. Tests make it fail (status, <c>Retry-After</c>), refuse whole batches, or treat
/// chosen records as still carrying personal data (the hub's own guard).
/// </summary>
internal sealed class ArchiveTestHub : IAsyncDisposable
{
    private readonly ConcurrentQueue<ArchiveBatchCall> _calls = new();
    private readonly ConcurrentDictionary<string, ArchiveRecord> _stored = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _personal = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _personalIds = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly RestartableLoopbackServer _server;
    private readonly DateTimeOffset _now;
    private int _failuresLeft;
    private HttpStatusCode _failureStatus;
    private string? _retryAfter;
    private HttpStatusCode? _refuseBatches;

    private ArchiveTestHub(DateTimeOffset now)
    {
        _server = Listen();
        _now = now;
    }

    public Uri BaseAddress => _server.BaseAddress;

    public IReadOnlyList<ArchiveBatchCall> Calls => [.. _calls];

    /// <summary>Records stored, by id: each at most once, whatever was sent.</summary>
    public IReadOnlyDictionary<string, ArchiveRecord> Stored => _stored;

    /// <param name="now">The hub's clock for the rules (the agent's fake one).</param>
    public static async Task<ArchiveTestHub> StartAsync(DateTimeOffset now)
    {
        var hub = new ArchiveTestHub(now);
        await hub._server.StartAsync();
        return hub;
    }

    /// <summary>The next <paramref name="count"/> batches are answered with <paramref name="status"/> (after being recorded, not stored).</summary>
    public void FailNext(int count, HttpStatusCode status, string? retryAfter = null)
    {
        lock (_gate)
        {
            (_failuresLeft, _failureStatus, _retryAfter) = (count, status, retryAfter);
        }
    }

    /// <summary>Every batch from now on is refused as a whole with a problem of this status (null: accepted again).</summary>
    public void RefuseBatches(HttpStatusCode? status) => _refuseBatches = status;

    /// <summary>The hub's guard finds personal data in the record with this id: refused on its own, with a reason.</summary>
    public void FindsPersonalDataIn(string recordId) => _personal[recordId] = true;

    /// <summary>The hub's guard finds the id itself personal: refused without echoing the id, only its position.</summary>
    public void FindsPersonalDataInTheIdOf(string recordId) => _personalIds[recordId] = true;

    /// <summary>The hub goes away: connections are refused until <see cref="RestartAsync"/>; what it stored stays.</summary>
    public Task StopAsync() => _server.StopAsync();

    public Task RestartAsync() => _server.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private RestartableLoopbackServer Listen()
    {
        var handler = (Func<HttpContext, Task<IResult>>)HandleAsync;
        return new RestartableLoopbackServer(app => app.MapPost("/api/v1/archive/batches", handler));
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        var request = JsonSerializer.Deserialize<ArchiveBatchRequest>(body, JsonSerializerOptions.Web);
        _calls.Enqueue(new ArchiveBatchCall(key, body, request?.Records?.Count ?? 0));

        lock (_gate)
        {
            if (_failuresLeft > 0)
            {
                _failuresLeft--;
                if (_retryAfter is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = retryAfter;
                }

                return Results.Problem(title: "Servizio non disponibile", statusCode: (int)_failureStatus);
            }
        }

        if (_refuseBatches is { } refusal)
        {
            return Results.Problem(title: "Lotto rifiutato", detail: "Il lotto supera la dimensione ammessa.", statusCode: (int)refusal);
        }

        if (string.IsNullOrEmpty(key) || request?.Records is not { } records)
        {
            return Results.Problem(title: "Richiesta non valida", statusCode: StatusCodes.Status400BadRequest);
        }

        if (_answers.TryGetValue(key, out var answered))
        {
            context.Response.Headers["Idempotency-Replayed"] = "true";
            return Results.Text(answered, "application/json");
        }

        var answer = JsonSerializer.Serialize(Store(records), JsonSerializerOptions.Web);
        _answers[key] = answer;
        return Results.Text(answer, "application/json");
    }

    private ArchiveBatchResponse Store(IReadOnlyList<ArchiveRecord> records)
    {
        List<string> accepted = [], already = [];
        List<RefusedArchiveRecord> refused = [];
        for (var index = 0; index < records.Count; index++)
        {
            var record = records[index];
            var errors = ArchiveRecordRules.Validate(record, _now).ToList();
            if (record.RecordId is { } id && _personal.ContainsKey(id))
            {
                errors.Add(new ArchiveRecordError("text", "personal_data", "Il testo contiene ancora dati personali ([NOME]): anonimizzarlo prima dell'invio."));
            }

            if (record.RecordId is { } personalId && _personalIds.ContainsKey(personalId))
            {
                refused.Add(new RefusedArchiveRecord(index, null, [new ArchiveRecordError("recordId", "personal_data", "Un identificativo non può essere un dato personale.")]));
            }
            else if (errors.Count > 0)
            {
                refused.Add(new RefusedArchiveRecord(index, record.RecordId, errors));
            }
            else if (_stored.TryAdd(record.RecordId!, record))
            {
                accepted.Add(record.RecordId!);
            }
            else
            {
                already.Add(record.RecordId!);
            }
        }

        return new ArchiveBatchResponse(accepted, already, refused);
    }
}

internal sealed record ArchiveBatchCall(string IdempotencyKey, string Body, int Records);
