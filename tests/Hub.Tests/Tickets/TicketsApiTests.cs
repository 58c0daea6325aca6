using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LineaHub.Schemas.Tickets;
using LineaHub.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LineaHub.Hub.Tests.Tickets;

public sealed class TicketsApiTests
{
    private static OpenTicketRequest Request(string category = "tributi.tari", DateTimeOffset? due = null) =>
        new(category, "telefono", "informazione", "Richiesta sulle scadenze della TARI 2026", due ?? DateTimeOffset.UtcNow.AddDays(3));

    private static async Task<TicketView> OpenAsync(HttpClient node, OpenTicketRequest? request = null)
    {
        using var response = await node.PostAsJsonAsync("/api/v1/tickets", request ?? Request());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TicketView>())!;
    }

    private static Task<HttpResponseMessage> MoveAsync(HttpClient node, string code, string action, int? expectedVersion = null) =>
        node.PostAsJsonAsync($"/api/v1/tickets/{code}/events", new TicketEventRequest(action, "motivo di prova", expectedVersion));

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Opened_ticket_gets_a_checked_code_that_any_active_office_can_look_up(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var admin = await hub.CreateAdminClientAsync();
        using var origin = await hub.JoinNewNodeAsync(admin);
        using var peer = await hub.JoinNewNodeAsync(admin);
        var opened = await OpenAsync(await hub.NodeClientAsync(origin));

        using var lookup = await (await hub.NodeClientAsync(peer)).GetAsync($"/api/v1/tickets/{opened.Code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)}");

        Assert.Equal(TicketCodeParseStatus.Valid, TicketCode.Parse(opened.Code).Status);
        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
        Assert.Equal("\"1\"", lookup.Headers.ETag?.Tag);
        var seen = (await lookup.Content.ReadFromJsonAsync<TicketView>())!;
        Assert.Equal((opened.Code, TicketStates.Open, origin.NodeId, origin.NodeId), (seen.Code, seen.Status, seen.Origin.NodeId, seen.Holder.NodeId));
        Assert.Equal("open", Assert.Single(seen.History).Action);
    }

    [Fact]
    public async Task Unknown_mistyped_and_malformed_codes_are_told_apart()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        var valid = TicketCode.New().Value;
        var mistyped = valid[..^1] + (valid[^1] == '2' ? '3' : '2');

        using var unknown = await client.GetAsync($"/api/v1/tickets/{valid}");
        using var typo = await client.GetAsync($"/api/v1/tickets/{mistyped}");
        using var malformed = await client.GetAsync("/api/v1/tickets/LA-0O1I");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.Contains("digitato male", (await typo.ProblemAsync()).GetProperty("errors").GetProperty("code")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    private static readonly string Soon = DateTimeOffset.UtcNow.AddDays(10).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    public static TheoryData<string, HttpStatusCode, string> InvalidTickets => new()
    {
        { $$"""{"category":"astrologia","channel":"telefono","requestType":"informazione","summary":"x","slaDueAt":"{{Soon}}"}""", HttpStatusCode.UnprocessableEntity, "category" },
        { $$"""{"category":"tributi","channel":"piccione","requestType":"informazione","summary":"x","slaDueAt":"{{Soon}}"}""", HttpStatusCode.UnprocessableEntity, "channel" },
        { $$"""{"category":"tributi","channel":"telefono","requestType":"informazione","slaDueAt":"{{Soon}}"}""", HttpStatusCode.BadRequest, "summary" },
        { """{"category":"tributi","channel":"telefono","requestType":"informazione","summary":"x","slaDueAt":"2001-01-01T00:00:00Z"}""", HttpStatusCode.BadRequest, "slaDueAt" },
        { """{"category":"tributi","channel":"telefono","requestType":"informazione","summary":"x","slaDueAt":"domani"}""", HttpStatusCode.BadRequest, "$.slaDueAt" },
        { $$"""{"category":"tributi","channel":"telefono","requestType":"informazione","summary":"Il cittadino RSSMRA80A01H501U chiede della TARI","slaDueAt":"{{Soon}}"}""", HttpStatusCode.BadRequest, "summary" },
    };

    [Theory]
    [MemberData(nameof(InvalidTickets))]
    public async Task Invalid_ticket_is_refused_with_the_field_and_nothing_is_stored(string body, HttpStatusCode status, string field)
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);

        using var response = await client.PostAsync("/api/v1/tickets", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(status, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Empty((await client.GetFromJsonAsync<TicketPage>("/api/v1/tickets"))!.Items);
    }

    [Fact]
    public async Task Oversized_ticket_is_413_and_nothing_is_stored()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);

        // With its length declared and "Expect: 100-continue", as a careful client sends a large body: the hub refuses
        // it from the headers, before any of it is sent. Streamed without a length, the hub answers 413 after 1 MiB and
        // closes while the client may still be writing, which the client can see as a broken pipe instead of the 413.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets")
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(Request() with { Summary = new string('x', 2 * 1024 * 1024) }, JsonSerializerOptions.Web))
            {
                Headers = { ContentType = new("application/json") },
            },
        };
        request.Headers.ExpectContinue = true;
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<TicketPage>("/api/v1/tickets"))!.Items);
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task An_office_lists_only_its_own_tickets_page_by_page(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var admin = await hub.CreateAdminClientAsync();
        using var first = await hub.JoinNewNodeAsync(admin);
        using var second = await hub.JoinNewNodeAsync(admin);
        var firstClient = await hub.NodeClientAsync(first);
        var mine = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            mine.Add((await OpenAsync(firstClient, Request(i % 2 == 0 ? "tributi.tari" : "anagrafe.residenza"))).Code);
        }

        var theirs = await OpenAsync(await hub.NodeClientAsync(second));

        var page1 = (await firstClient.GetFromJsonAsync<TicketPage>("/api/v1/tickets?limit=2"))!;
        var page2 = (await firstClient.GetFromJsonAsync<TicketPage>($"/api/v1/tickets?limit=2&cursor={page1.NextCursor}"))!;
        var page3 = (await firstClient.GetFromJsonAsync<TicketPage>($"/api/v1/tickets?limit=2&cursor={page2.NextCursor}"))!;
        var tributi = (await firstClient.GetFromJsonAsync<TicketPage>("/api/v1/tickets?category=tributi"))!;

        Assert.Equal(Enumerable.Reverse(mine), page1.Items.Concat(page2.Items).Concat(page3.Items).Select(t => t.Code));
        Assert.Null(page3.NextCursor);
        Assert.Equal(3, tributi.Items.Count);
        Assert.DoesNotContain(theirs.Code, tributi.Items.Select(t => t.Code));
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task A_ticket_goes_through_its_life_and_pending_stops_the_sla_clock(StorageKind storage)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        await using var hub = await HubServer.StartAsync(storage, time: clock);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        var opened = await OpenAsync(client, Request(due: clock.GetUtcNow().AddDays(2)));

        using var accept = await MoveAsync(client, opened.Code, TicketActions.Accept, expectedVersion: 1);
        using var pend = await MoveAsync(client, opened.Code, TicketActions.Pend);
        clock.Advance(TimeSpan.FromMinutes(5));
        var whilePending = (await client.GetFromJsonAsync<TicketView>($"/api/v1/tickets/{opened.Code}"))!;
        using var resume = await MoveAsync(client, opened.Code, TicketActions.Resume);
        using var resolve = await MoveAsync(client, opened.Code, TicketActions.Resolve);
        using var close = await MoveAsync(client, opened.Code, TicketActions.Close);
        var closed = (await close.Content.ReadFromJsonAsync<TicketView>())!;

        Assert.All(new[] { accept, pend, resume, resolve, close }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.True(whilePending.SlaClockStopped);
        Assert.Equal(opened.SlaDueAt.AddMinutes(5), closed.SlaDueAt);
        Assert.Equal(TicketStates.Closed, closed.Status);
        Assert.Equal(6, closed.Version);
        Assert.Equal(["open", "accept", "pend", "resume", "resolve", "close"], closed.History.Select(h => h.Action));
    }

    [Fact]
    public async Task A_refused_action_lists_the_allowed_ones_and_changes_nothing()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        var opened = await OpenAsync(client);

        using var refused = await MoveAsync(client, opened.Code, TicketActions.Resolve);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.ProblemAsync();
        Assert.Equal([TicketActions.Offer, TicketActions.Accept, TicketActions.Cancel], problem.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        var after = (await client.GetFromJsonAsync<TicketView>($"/api/v1/tickets/{opened.Code}"))!;
        Assert.Equal((TicketStates.Open, 1, 1), (after.Status, after.Version, after.History.Count));
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task A_stale_version_is_412_and_changes_nothing(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        var opened = await OpenAsync(client);
        using var accept = await MoveAsync(client, opened.Code, TicketActions.Accept, expectedVersion: 1);

        using var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tickets/{opened.Code}/events")
        {
            Content = JsonContent.Create(new TicketEventRequest(TicketActions.Resolve, null, null)),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        using var response = await client.SendAsync(stale);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(2, (await response.ProblemAsync()).GetProperty("currentVersion").GetInt32());
        var after = (await client.GetFromJsonAsync<TicketView>($"/api/v1/tickets/{opened.Code}"))!;
        Assert.Equal((TicketStates.Accepted, 2), (after.Status, after.Version));
    }

    [Fact]
    public async Task An_office_with_no_role_in_the_ticket_may_read_it_but_not_move_it()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var admin = await hub.CreateAdminClientAsync();
        using var origin = await hub.JoinNewNodeAsync(admin);
        using var stranger = await hub.JoinNewNodeAsync(admin);
        var opened = await OpenAsync(await hub.NodeClientAsync(origin));
        var strangerClient = await hub.NodeClientAsync(stranger);

        using var cancel = await MoveAsync(strangerClient, opened.Code, TicketActions.Cancel);
        var list = (await strangerClient.GetFromJsonAsync<TicketPage>("/api/v1/tickets"))!;

        Assert.Equal(HttpStatusCode.Forbidden, cancel.StatusCode);
        Assert.Empty(list.Items);
    }
}
