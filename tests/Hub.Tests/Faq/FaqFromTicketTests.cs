using System.Net;
using System.Net.Http.Json;
using LineaHub.Hub.Tests.Archive;
using LineaHub.Schemas.Faq;
using LineaHub.Schemas.Tickets;
using LineaHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace LineaHub.Hub.Tests.Faq;

public sealed class FaqFromTicketTests
{
    private const string FromTicketPath = "/api/v1/faq/entries/from-ticket";
    private const string Summary = "Richiesta sulle scadenze della TARI 2026 per una seconda casa";
    private const string ResolveReason = "La TARI della seconda casa si paga con F24 in due rate, a giugno e a dicembre.";

    private static async Task<TicketView> OpenAsync(HttpClient node)
    {
        using var response = await node.PostAsJsonAsync("/api/v1/tickets",
            new OpenTicketRequest("tributi.tari", "telefono", "informazione", Summary, DateTimeOffset.UtcNow.AddDays(3)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TicketView>())!;
    }

    private static async Task MoveAsync(HttpClient node, string code, string action, string? reason = null)
    {
        using var response = await node.PostAsJsonAsync($"/api/v1/tickets/{code}/events", new TicketEventRequest(action, reason, null));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<TicketView> ResolvedAsync(HttpClient node)
    {
        var ticket = await OpenAsync(node);
        await MoveAsync(node, ticket.Code, TicketActions.Accept);
        await MoveAsync(node, ticket.Code, TicketActions.Resolve, ResolveReason);
        return ticket;
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Resolved_ticket_becomes_a_draft_of_the_caller_whose_history_names_the_ticket(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        var resolved = await ResolvedAsync(client);
        var closed = await ResolvedAsync(client);
        await MoveAsync(client, closed.Code, TicketActions.Close);

        using var fromReason = await client.PostAsJsonAsync(FromTicketPath, new FaqEntryFromTicketRequest(resolved.Code, null, null));
        using var withAnswer = await client.PostAsJsonAsync(FromTicketPath,
            new FaqEntryFromTicketRequest(closed.Code.ToLowerInvariant(), "Con il modello F24.", "regional"));

        Assert.Equal(HttpStatusCode.Created, fromReason.StatusCode);
        var draft = (await fromReason.Content.ReadFromJsonAsync<FaqEntryView>())!;
        Assert.Equal((Summary, ResolveReason, "tributi.tari"), (draft.Question, draft.Answer, draft.CategoryCode));
        Assert.Equal(("draft", "local", node.NodeId), (draft.Status, draft.Scope, draft.OwnerNodeId));
        Assert.Equal($"/api/v1/faq/entries/{draft.Id}", fromReason.Headers.Location?.OriginalString);
        var history = (await client.GetFromJsonAsync<List<FaqVersionView>>($"/api/v1/faq/entries/{draft.Id}/versions"))!;
        Assert.Equal(("created", $"ticket {resolved.Code}"), (Assert.Single(history).Action, history[0].Source));
        Assert.Equal(HttpStatusCode.Created, withAnswer.StatusCode);
        var second = (await withAnswer.Content.ReadFromJsonAsync<FaqEntryView>())!;
        Assert.Equal(("Con il modello F24.", "regional"), (second.Answer, second.Scope));
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Refused_drafts_create_nothing(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var admin = await hub.CreateAdminClientAsync();
        using var node = await hub.JoinNewNodeAsync(admin);
        using var stranger = await hub.JoinNewNodeAsync(admin);
        var client = await hub.NodeClientAsync(node);
        var strangerClient = await hub.NodeClientAsync(stranger);
        var resolved = await ResolvedAsync(client);
        var open = await OpenAsync(client);
        var noReason = await OpenAsync(client);
        await MoveAsync(client, noReason.Code, TicketActions.Accept);
        await MoveAsync(client, noReason.Code, TicketActions.Resolve);
        var mistyped = resolved.Code[..^1] + (resolved.Code[^1] == '2' ? '3' : '2');

        using var unknown = await client.PostAsJsonAsync(FromTicketPath, new FaqEntryFromTicketRequest(TicketCode.New().Value, null, null));
        using var typo = await client.PostAsJsonAsync(FromTicketPath, new FaqEntryFromTicketRequest(mistyped, null, null));
        using var notResolved = await client.PostAsJsonAsync(FromTicketPath, new FaqEntryFromTicketRequest(open.Code, "Risposta.", null));
        using var notTheirs = await strangerClient.PostAsJsonAsync(FromTicketPath, new FaqEntryFromTicketRequest(resolved.Code, null, null));
        using var personal = await client.PostAsJsonAsync(FromTicketPath,
            new FaqEntryFromTicketRequest(resolved.Code, $"Il codice fiscale {ArchiveRecords.SyntheticFiscalCode} risulta in regola.", null));
        using var badScope = await client.PostAsJsonAsync(FromTicketPath, new FaqEntryFromTicketRequest(resolved.Code, null, "universe"));
        using var noAnswer = await client.PostAsJsonAsync(FromTicketPath, new FaqEntryFromTicketRequest(noReason.Code, null, null));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await unknown.ProblemAsync();
        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.True((await typo.ProblemAsync()).GetProperty("errors").TryGetProperty("code", out _));
        Assert.Equal(HttpStatusCode.Conflict, notResolved.StatusCode);
        await notResolved.ProblemAsync();
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        await notTheirs.ProblemAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, personal.StatusCode);
        var problem = await personal.Content.ReadAsStringAsync();
        Assert.Contains("answer", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(ArchiveRecords.SyntheticFiscalCode, problem, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.BadRequest, badScope.StatusCode);
        Assert.True((await badScope.ProblemAsync()).GetProperty("errors").TryGetProperty("scope", out _));
        Assert.Equal(HttpStatusCode.BadRequest, noAnswer.StatusCode);
        Assert.True((await noAnswer.ProblemAsync()).GetProperty("errors").TryGetProperty("answer", out _));
        await using var db = hub.Database.CreateDbContext();
        Assert.Equal(0, await db.FaqEntries.CountAsync());
        Assert.Equal(0, await db.FaqEntryVersions.CountAsync());
    }
}
