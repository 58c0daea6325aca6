using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LineaHub.Schemas.Archive;

namespace LineaHub.Benchmarks.ArchiveIngestion;

/// <summary>
/// Closed-loop load: each sender takes the next batch and posts it, waiting for the answer before the next, as an
/// agent's outbox does; the latency of a batch is the whole HTTP exchange until the hub's answer is read.
/// </summary>
public sealed class BatchLoad(HttpClient hub)
{
    private const int ProblemLength = 300;

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>Sends every batch once, stopping early at <paramref name="deadline"/>; samples in batch order (null: not sent).</summary>
    public async Task<(BatchSample?[] Samples, TimeSpan Elapsed)> RunAsync(
        IReadOnlyList<PreparedBatch> batches, int senders, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var samples = new BatchSample?[batches.Count];
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
        {
            int i;
            while (Stopwatch.GetElapsedTime(started) < deadline && (i = Interlocked.Increment(ref next)) < batches.Count)
            {
                samples[i] = await SendAsync(batches[i], batches[i].IdempotencyKey, cancellationToken);
            }
        }, cancellationToken)));
        return (samples, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Posts one batch under <paramref name="key"/> and reads the answer; the raw body comes back for replay checks.</summary>
    public async Task<BatchSample> SendAsync(PreparedBatch batch, string key, CancellationToken cancellationToken) =>
        (await SendRawAsync(batch, key, cancellationToken)).Sample;

    public async Task<(BatchSample Sample, byte[] Body)> SendRawAsync(PreparedBatch batch, string key, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/archive/batches")
        {
            Content = new ByteArrayContent(batch.Body) { Headers = { ContentType = Json } },
        };
        request.Headers.Authorization = batch.Office.Authorization;
        request.Headers.Add("Idempotency-Key", key);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await hub.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var ended = Stopwatch.GetTimestamp();
            var status = (int)response.StatusCode;
            if (status != 200)
            {
                var text = Encoding.UTF8.GetString(body);
                return (new BatchSample(started, ended, status, 0, 0, 0, text.Length > ProblemLength ? text[..ProblemLength] : text), body);
            }

            var answer = JsonSerializer.Deserialize<ArchiveBatchResponse>(body, JsonSerializerOptions.Web)!;
            var problem = answer.Refused.Count > 0
                ? string.Join("; ", answer.Refused[0].Errors.Select(e => $"{e.Field} {e.Code}: {e.Message}"))
                : null;
            return (new BatchSample(started, ended, status, answer.Accepted.Count, answer.AlreadyStored.Count, answer.Refused.Count, problem), body);
        }
        catch (HttpRequestException e)
        {
            return (new BatchSample(started, Stopwatch.GetTimestamp(), 0, 0, 0, 0, e.Message), []);
        }
    }
}
