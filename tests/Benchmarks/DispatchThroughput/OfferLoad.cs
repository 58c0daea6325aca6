using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LineaHub.Schemas.Tickets;
using LineaHub.Testing.Load;

namespace LineaHub.Benchmarks.DispatchThroughput;

/// <summary>
/// Closed-loop load: <c>clients</c> workers take the next ticket and offer it, each waiting for its answer before
/// the next; the latency of one offer is the whole HTTP exchange, which includes the hub's choice of receiver.
/// Open-loop load: offers leave on a fixed schedule whatever the answers, as offices' offers arrive, and the latency
/// of each runs from its scheduled time, so a hub that falls behind is not hidden by the load generator waiting
/// for it (coordinated omission).
/// </summary>
internal sealed class OfferLoad(HttpClient hub, bool sendIdempotencyKey)
{
    private const int ProblemLength = 300;

    // Serialised once: the load generator shares the two cores with the hub and PostgreSQL.
    private static readonly byte[] OfferBody = JsonSerializer.SerializeToUtf8Bytes(
        new TicketEventRequest(TicketActions.Offer, null, null), JsonSerializerOptions.Web);

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>Offers every ticket once and returns the samples in the order the tickets were given, and the wall time.</summary>
    public async Task<(OfferSample[] Samples, TimeSpan Elapsed)> RunAsync(
        IReadOnlyList<OpenedTicket> tickets, int clients, CancellationToken cancellationToken)
    {
        var samples = new OfferSample[tickets.Count];
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < tickets.Count)
            {
                samples[i] = await OfferAsync(tickets[i], null, cancellationToken);
            }
        }, cancellationToken)));
        return (samples, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Offers ticket i at i ÷ <paramref name="perSecond"/> seconds from the start; returns the samples and the wall time.</summary>
    public async Task<(OfferSample[] Samples, TimeSpan Elapsed)> RunAtRateAsync(
        IReadOnlyList<OpenedTicket> tickets, int perSecond, CancellationToken cancellationToken)
    {
        var offers = new Task<OfferSample>[tickets.Count];
        var schedule = new FixedRate(perSecond);
        var started = schedule.Started;
        for (var i = 0; i < tickets.Count; i++)
        {
            offers[i] = OfferAsync(tickets[i], await schedule.DueAsync(i, cancellationToken), cancellationToken);
        }

        var samples = await Task.WhenAll(offers);
        return (samples, Stopwatch.GetElapsedTime(started, samples.Max(s => s.Ended)));
    }

    private async Task<OfferSample> OfferAsync(OpenedTicket ticket, long? scheduled, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tickets/{ticket.Code}/events")
        {
            Content = new ByteArrayContent(OfferBody) { Headers = { ContentType = Json } },
        };
        request.Headers.Authorization = ticket.Origin.Authorization;
        if (sendIdempotencyKey)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        }

        var started = scheduled ?? Stopwatch.GetTimestamp();
        byte[] body;
        int status;
        try
        {
            using var response = await hub.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException exception)
        {
            return new OfferSample(ticket.Code, started, Stopwatch.GetTimestamp(), 0, null, null, exception.Message);
        }

        var ended = Stopwatch.GetTimestamp();
        if (status != 200)
        {
            var problem = Encoding.UTF8.GetString(body);
            return new OfferSample(ticket.Code, started, ended, status, null, null, problem.Length > ProblemLength ? problem[..ProblemLength] : problem);
        }

        var view = JsonSerializer.Deserialize<TicketView>(body, JsonSerializerOptions.Web);
        return new OfferSample(ticket.Code, started, ended, status, view?.Status, view?.Overflow?.OfferedTo?.NodeId,
            view?.Status == TicketStates.Offered ? null : string.Create(CultureInfo.InvariantCulture, $"200 but ticket {view?.Status}"));
    }
}
