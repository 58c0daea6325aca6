using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LineaHub.NodeAgent.Connection;
using LineaHub.NodeAgent.Join;
using LineaHub.Schemas.Auth;
using LineaHub.Schemas.Capacity;
using LineaHub.Schemas.Nodes;
using LineaHub.Schemas.Tickets;

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
            await ExpectAsync(response, HttpStatusCode.OK, "capacity report", cancellationToken);
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
                await ExpectAsync(response, HttpStatusCode.Created, "open ticket", token);
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
        CreatedNodeResponse created;
        using (var response = await admin.PostAsJsonAsync("/api/v1/admin/nodes", node, cancellationToken))
        {
            await ExpectAsync(response, HttpStatusCode.Created, "create node", cancellationToken);
            created = (await response.Content.ReadFromJsonAsync<CreatedNodeResponse>(cancellationToken))!;
        }

        using var signing = AgentKey.Generate(PublicJwk.UseSignature);
        using var encryption = AgentKey.Generate(PublicJwk.UseEncryption);
        JoinResponse joined;
        using (var response = await hub.PostAsJsonAsync(
            "/api/v1/join", new JoinRequest(created.JoinCode.Code, signing.Public, encryption.Public, "benchmark"), cancellationToken))
        {
            await ExpectAsync(response, HttpStatusCode.OK, "join", cancellationToken);
            joined = (await response.Content.ReadFromJsonAsync<JoinResponse>(cancellationToken))!;
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = joined.ClientId,
            ["client_assertion_type"] = ClientAssertions.Type,
            ["client_assertion"] = ClientAssertions.Create(joined.ClientId, joined.Issuer, signing, DateTimeOffset.UtcNow),
            ["scope"] = HubScopes.Node,
        });
        using var tokenResponse = await hub.PostAsync(new Uri("/connect/token", UriKind.Relative), form, cancellationToken);
        await ExpectAsync(tokenResponse, HttpStatusCode.OK, "token", cancellationToken);
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("access_token").GetString();
        return new Office(joined.NodeId, new AuthenticationHeaderValue("Bearer", token));
    }

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, string what, CancellationToken cancellationToken)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Setup step '{what}' answered {(int)response.StatusCode}, expected {(int)expected}: {body}"));
        }
    }
}
