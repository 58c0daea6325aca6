using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using LineaHub.Schemas.Capacity;
using LineaHub.Schemas.Nodes;
using LineaHub.Schemas.Tickets;
using LineaHub.Testing.Load;

namespace LineaHub.Benchmarks.DispatchThroughput;

/// <summary>Offices, capacity reports and tickets over the hub's HTTP API, as agents would make them.</summary>
internal static class BenchmarkNetwork
{
    /// <summary>Three operators, nobody waiting, 5 min a ticket: every receiver is eligible all run long.</summary>
    public static readonly CapacityReport Idle = new(3, 0, 300, true, true);

    private const string Competence = "anagrafe";

    private static OpenTicketRequest Ticket(DateTimeOffset now) => new(
        "anagrafe.residenza", "telefono", "informazione", "Cambio di residenza: documenti necessari", now.AddDays(3), Language: "it");

    /// <summary>
    /// Registers <paramref name="count"/> offices through the admin API and joins each with fresh agent keys;
    /// their tokens come from <paramref name="hub"/>'s token endpoint. No opening hours: open whenever they say so.
    /// </summary>
    public static async Task<IReadOnlyList<Office>> JoinOfficesAsync(
        HttpClient hub, HttpClient admin, int count, int firstNumber, CancellationToken cancellationToken)
    {
        var offices = new Office[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, token) => offices[i] = await JoinOfficeAsync(hub, admin, firstNumber + i, token));
        return offices;
    }

    /// <summary>Every receiver reports idle capacity, as its agent does every reporting interval.</summary>
    public static Task ReportIdleAsync(HttpClient hub, IReadOnlyList<Office> receivers, CancellationToken cancellationToken) =>
        Task.WhenAll(receivers.Select(async receiver =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/nodes/me/capacity") { Content = JsonContent.Create(Idle) };
            request.Headers.Authorization = receiver.Authorization;
            using var response = await hub.SendAsync(request, cancellationToken);
            await NetworkSetup.ExpectAsync(response, HttpStatusCode.OK, "capacity report", cancellationToken);
        }));

    /// <summary>Reports idle capacity every <paramref name="interval"/> until cancelled, so no receiver goes stale during a run.</summary>
    public static async Task KeepReportingAsync(HttpClient hub, IReadOnlyList<Office> receivers, TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await ReportIdleAsync(hub, receivers, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run is over.
        }
    }

    /// <summary>Opens <paramref name="count"/> tickets, the origins taking turns, <paramref name="concurrency"/> at a time.</summary>
    public static async Task<IReadOnlyList<OpenedTicket>> OpenTicketsAsync(
        HttpClient hub, IReadOnlyList<Office> origins, int count, int concurrency, CancellationToken cancellationToken)
    {
        var tickets = new OpenedTicket[count];
        var ticket = Ticket(DateTimeOffset.UtcNow);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var origin = origins[i % origins.Count];
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets") { Content = JsonContent.Create(ticket) };
                request.Headers.Authorization = origin.Authorization;
                using var response = await hub.SendAsync(request, token);
                await NetworkSetup.ExpectAsync(response, HttpStatusCode.Created, "open ticket", token);
                var view = await response.Content.ReadFromJsonAsync<TicketView>(token)
                    ?? throw new InvalidOperationException("Opening a ticket answered no ticket.");
                tickets[i] = new OpenedTicket(view.Code, origin);
            });
        return tickets;
    }

    private static async Task<Office> JoinOfficeAsync(HttpClient hub, HttpClient admin, int number, CancellationToken cancellationToken)
    {
        // Regions take turns so that the same-region tie-breaker has something to decide.
        var region = (number % 20 + 1).ToString("D2", CultureInfo.InvariantCulture);
        var node = new CreateNodeRequest(
            string.Create(CultureInfo.InvariantCulture, $"URP Comune di prova {number}"),
            NodeKinds.Comune,
            (900_000 + number).ToString("D6", CultureInfo.InvariantCulture),
            region,
            [Competence],
            ["it"],
            []);
        var joined = await NetworkSetup.JoinAsync(hub, admin, node, cancellationToken);
        return new Office(joined.Id, joined.Authorization);
    }
}
