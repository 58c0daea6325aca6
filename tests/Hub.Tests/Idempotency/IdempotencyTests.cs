using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LineaHub.Hub.Idempotency;
using LineaHub.Hub.Storage;
using LineaHub.Hub.Tickets;
using LineaHub.NodeAgent.Connection;
using LineaHub.Schemas.Tickets;
using LineaHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LineaHub.Hub.Tests.Idempotency;

public sealed class IdempotencyTests
{
    private const string Tickets = "/api/v1/tickets";

    /// <summary>How the hub names OpenTicket in its records: method and route pattern.</summary>
    private const string OpenEndpoint = "POST /api/v1/tickets/";

    private static OpenTicketRequest Request(string summary = "Richiesta sulle scadenze della TARI 2026") =>
        new("tributi.tari", "telefono", "informazione", summary, DateTimeOffset.UtcNow.AddDays(3));

    private static async Task<HttpResponseMessage> PostAsync<T>(HttpClient client, string path, T body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(IdempotencyKeyHeader.Name, key);
        }

        return await client.SendAsync(request);
    }

    private static async Task<IReadOnlyList<TicketSummary>> ListAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<TicketPage>(Tickets))!.Items;

    private static async Task<List<IdempotencyRecord>> RecordsAsync(HubServer hub)
    {
        await using var scope = hub.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HubDbContext>().IdempotencyRecords.AsNoTracking().ToListAsync();
    }

    private static async Task<int> RecordCountAsync(HubServer hub)
    {
        await using var scope = hub.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HubDbContext>().IdempotencyRecords.CountAsync();
    }

    private static async Task<HttpClient> NodeClientAtAsync(HubServer hub, JoinedNode node, DateTimeOffset now)
    {
        using var response = await hub.RequestTokenAsync(node.ClientId, ClientAssertions.Create(node.ClientId, node.Issuer, node.SigningKey, now));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var client = hub.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        return client;
    }

    private static bool IsReplayed(HttpResponseMessage response) =>
        response.Headers.TryGetValues(IdempotencyKeyHeader.ReplayedName, out var values) && values.Single() == "true";

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task A_retry_gets_the_same_answer_and_opens_no_second_ticket(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        var key = Guid.NewGuid().ToString();
        var request = Request();

        using var first = await PostAsync(client, Tickets, request, key);
        // The draft's quoted form names the same key as the bare one agents send.
        using var retry = await PostAsync(client, Tickets, request, $"\"{key}\"");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.False(IsReplayed(first));
        Assert.True(IsReplayed(retry));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.Equal("application/json", retry.Content.Headers.ContentType?.MediaType);
        var code = (await first.Content.ReadFromJsonAsync<TicketView>())!.Code;
        Assert.Equal(code, Assert.Single(await ListAsync(client)).Code);
        var record = Assert.Single(await RecordsAsync(hub));
        Assert.Equal((node.ClientId, OpenEndpoint, key, IdempotencyStates.Completed, 201), (record.Caller, record.Endpoint, record.IdempotencyKey, record.Status, record.ResponseStatusCode));
    }

    [Fact]
    public async Task A_retried_open_with_the_office_s_own_code_is_replayed_not_refused_as_code_in_use()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        var request = Request() with { Code = TicketCode.New().Value };
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(client, Tickets, request, key);
        using var retry = await PostAsync(client, Tickets, request, key);
        using var withoutKey = await PostAsync(client, Tickets, request, key: null);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, withoutKey.StatusCode);
        Assert.Equal(request.Code, Assert.Single(await ListAsync(client)).Code);
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task A_retried_move_is_applied_once(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        using var opened = await PostAsync(client, Tickets, Request(), key: null);
        var code = (await opened.Content.ReadFromJsonAsync<TicketView>())!.Code;
        var accept = new TicketEventRequest(TicketActions.Accept, "presa in carico", null);
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(client, $"{Tickets}/{code}/events", accept, key);
        using var retry = await PostAsync(client, $"{Tickets}/{code}/events", accept, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.True(IsReplayed(retry));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        var ticket = (await client.GetFromJsonAsync<TicketView>($"{Tickets}/{code}"))!;
        Assert.Equal((TicketStates.Accepted, 2), (ticket.Status, ticket.Version));
        Assert.Equal(["open", "accept"], ticket.History.Select(h => h.Action));
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task The_same_key_for_another_request_is_422_and_stores_nothing(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(client, Tickets, Request(), key);

        using var other = await PostAsync(client, Tickets, Request("Un'altra richiesta sulla TARI"), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Contains("richiesta diversa", (await other.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single(await ListAsync(client));
        Assert.Equal(1, await RecordCountAsync(hub));
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Two_offices_using_the_same_key_get_a_ticket_each(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var admin = await hub.CreateAdminClientAsync();
        using var first = await hub.JoinNewNodeAsync(admin);
        using var second = await hub.JoinNewNodeAsync(admin);
        var firstClient = await hub.NodeClientAsync(first);
        var secondClient = await hub.NodeClientAsync(second);
        var key = Guid.NewGuid().ToString();
        var request = Request();

        using var fromFirst = await PostAsync(firstClient, Tickets, request, key);
        using var fromSecond = await PostAsync(secondClient, Tickets, request, key);

        Assert.Equal(HttpStatusCode.Created, fromFirst.StatusCode);
        Assert.Equal(HttpStatusCode.Created, fromSecond.StatusCode);
        Assert.False(IsReplayed(fromSecond));
        var firstCode = Assert.Single(await ListAsync(firstClient)).Code;
        var secondCode = Assert.Single(await ListAsync(secondClient)).Code;
        Assert.NotEqual(firstCode, secondCode);
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task A_refusal_is_replayed_without_running_the_request_again(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        using var opened = await PostAsync(client, Tickets, Request(), key: null);
        var code = (await opened.Content.ReadFromJsonAsync<TicketView>())!.Code;
        var resolve = new TicketEventRequest(TicketActions.Resolve, "risolto", null);
        var key = Guid.NewGuid().ToString();

        using var refused = await PostAsync(client, $"{Tickets}/{code}/events", resolve, key);
        // Now resolving would be allowed; the retry must still get the first answer, not a second execution.
        using var accepted = await PostAsync(client, $"{Tickets}/{code}/events", new TicketEventRequest(TicketActions.Accept, null, null), key: null);
        using var retry = await PostAsync(client, $"{Tickets}/{code}/events", resolve, key);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
        Assert.True(IsReplayed(retry));
        Assert.Equal(await refused.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("application/problem+json", retry.Content.Headers.ContentType?.MediaType);
        var ticket = (await client.GetFromJsonAsync<TicketView>($"{Tickets}/{code}"))!;
        Assert.Equal((TicketStates.Accepted, 2), (ticket.Status, ticket.Version));
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Concurrent_duplicates_open_exactly_one_ticket(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        var key = Guid.NewGuid().ToString();
        var request = Request();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(client, Tickets, request, key)));
        try
        {
            var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
            Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
            Assert.NotEmpty(created);
            Assert.Single(created, r => !IsReplayed(r));
            var bodies = await Task.WhenAll(created.Select(r => r.Content.ReadAsStringAsync()));
            Assert.Single(bodies.Distinct(StringComparer.Ordinal));
            foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            {
                Assert.NotNull(conflict.Headers.RetryAfter);
            }

            Assert.Single(await ListAsync(client));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task A_duplicate_waits_for_the_first_request_and_runs_if_that_one_rolled_back(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        var key = Guid.NewGuid().ToString();
        await using var db = hub.Database.CreateDbContext();
        var first = await db.Database.BeginTransactionAsync();
        // What the filter does for a first request that is still running, in a transaction the test controls.
        Assert.True(await new IdempotencyStore(db).TryClaimAsync(Claim(node, key), CancellationToken.None));

        var duplicate = PostAsync(client, Tickets, Request(), key);
        var finishedEarly = await Task.WhenAny(duplicate, Task.Delay(TimeSpan.FromMilliseconds(500))) == duplicate;
        await first.RollbackAsync();
        await first.DisposeAsync();
        using var response = await duplicate;

        Assert.False(finishedEarly, "The duplicate should wait for the first request's transaction.");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(IsReplayed(response));
        Assert.Single(await ListAsync(client));
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task A_key_seen_in_progress_is_409_with_retry_after(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        var key = Guid.NewGuid().ToString();
        await using (var db = hub.Database.CreateDbContext())
        {
            // The hub never commits such a row; another writer of the table (an older replica) might.
            Assert.True(await new IdempotencyStore(db).TryClaimAsync(Claim(node, key), CancellationToken.None));
        }

        using var response = await PostAsync(client, Tickets, Request(), key);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        await response.ProblemAsync();
        Assert.Empty(await ListAsync(client));
    }

    private static IdempotencyRecord Claim(JoinedNode node, string key) => new()
    {
        Caller = node.ClientId,
        Endpoint = OpenEndpoint,
        IdempotencyKey = key,
        RequestHash = new string('0', 64),
        Status = IdempotencyStates.InProgress,
        CreatedAtUnixSeconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ExpiresAtUnixSeconds = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(),
    };

    [Theory]
    [InlineData("")]
    [InlineData("chiave con spazi")]
    [InlineData("chiave-1, chiave-2")]
    [InlineData("\"\"")]
    public async Task A_malformed_key_is_400_and_nothing_is_done(string key)
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);

        using var response = await PostAsync(client, Tickets, Request(), key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty(IdempotencyKeyHeader.Name, out _));
        Assert.Empty(await ListAsync(client));
    }

    [Fact]
    public async Task A_key_longer_than_255_characters_is_400()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);

        using var longest = await PostAsync(client, Tickets, Request(), new string('k', IdempotencyKeyHeader.MaxLength));
        using var tooLong = await PostAsync(client, Tickets, Request(), new string('k', IdempotencyKeyHeader.MaxLength + 1));

        Assert.Equal(HttpStatusCode.Created, longest.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    [Fact]
    public async Task Without_a_key_every_request_runs()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        var request = Request();

        using var first = await PostAsync(client, Tickets, request, key: null);
        using var second = await PostAsync(client, Tickets, request, key: null);

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(2, (await ListAsync(client)).Count);
        Assert.Equal(0, await RecordCountAsync(hub));
    }

    [Fact]
    public async Task A_malformed_body_is_not_remembered_so_the_corrected_request_runs()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        var key = Guid.NewGuid().ToString();

        using var malformed = await PostAsync(client, Tickets, new { category = "tributi.tari", slaDueAt = "domani" }, key);
        using var corrected = await PostAsync(client, Tickets, Request(), key);

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.False(IsReplayed(corrected));
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Keys_past_their_retention_are_pruned_and_then_run_as_new(StorageKind storage)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var hub = await HubServer.StartAsync(storage, new Dictionary<string, string?> { ["Idempotency:RetentionHours"] = "24" }, clock);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await NodeClientAtAsync(hub, node, clock.GetUtcNow());
        var oldKey = Guid.NewGuid().ToString();
        var request = Request();
        using var old = await PostAsync(client, Tickets, request, oldKey);
        clock.Advance(TimeSpan.FromHours(23));
        // Tokens live minutes: each step in the hub's (fake) present needs a fresh one.
        client = await NodeClientAtAsync(hub, node, clock.GetUtcNow());
        using var recent = await PostAsync(client, Tickets, Request("Richiesta più recente"), Guid.NewGuid().ToString());
        clock.Advance(TimeSpan.FromHours(1));
        client = await NodeClientAtAsync(hub, node, clock.GetUtcNow());

        int removed;
        await using (var scope = hub.Services.CreateAsyncScope())
        {
            removed = await scope.ServiceProvider.GetRequiredService<IdempotencyRecordPruner>().PruneAsync(CancellationToken.None);
        }

        using var late = await PostAsync(client, Tickets, request, oldKey);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (old.StatusCode, recent.StatusCode));
        Assert.Equal(1, removed);
        Assert.Equal(HttpStatusCode.Created, late.StatusCode);
        Assert.False(IsReplayed(late));
        Assert.Equal(3, (await ListAsync(client)).Count);
        Assert.Equal(2, await RecordCountAsync(hub));
    }

    [Fact]
    public async Task The_api_description_shows_the_header_on_the_idempotent_endpoints_only()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);

        var paths = (await hub.CreateClient().GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json")).GetProperty("paths");

        static bool HasKeyHeader(JsonElement operation) =>
            operation.TryGetProperty("parameters", out var parameters)
            && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == IdempotencyKeyHeader.Name && p.GetProperty("in").GetString() == "header");
        Assert.True(HasKeyHeader(paths.GetProperty("/api/v1/tickets").GetProperty("post")));
        Assert.True(HasKeyHeader(paths.GetProperty("/api/v1/tickets/{code}/events").GetProperty("post")));
        Assert.False(HasKeyHeader(paths.GetProperty("/api/v1/tickets").GetProperty("get")));
    }

    [Fact]
    public async Task An_answer_too_large_to_keep_is_replayed_without_its_body_but_with_its_location()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite, new Dictionary<string, string?>
        {
            ["Idempotency:MaxStoredResponseBytes"] = "1024",
        });
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        var key = Guid.NewGuid().ToString();
        var request = Request(new string('x', TicketsOptions.MaxSummaryLength));

        using var first = await PostAsync(client, Tickets, request, key);
        using var retry = await PostAsync(client, Tickets, request, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.True((await first.Content.ReadAsByteArrayAsync()).Length > 1024);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.True(IsReplayed(retry));
        Assert.Empty(await retry.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Single(await ListAsync(client));
    }
}
