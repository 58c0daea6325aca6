using System.Net;
using System.Net.Http.Json;
using LineaHub.Hub.Tests.Archive;
using LineaHub.Schemas.Faq;
using LineaHub.Testing;
using Microsoft.EntityFrameworkCore;
using static LineaHub.Hub.Tests.Faq.FaqFixtures;

namespace LineaHub.Hub.Tests.Faq;

public sealed class FaqSearchLogTests
{
    private const string SearchesPath = "/api/v1/faq/searches";

    private static FaqSearchLogEntry Search(string query, int totalHits = 0, string? category = null) =>
        new(Guid.NewGuid(), query, category, totalHits, DateTimeOffset.UtcNow.AddMinutes(-5));

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Searches_with_personal_data_are_refused_on_their_own_and_the_rest_are_stored_once(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        var first = Search("scadenza TARI", totalHits: 2, category: "tributi");
        var second = Search("cambio di residenza");
        var batch = new FaqSearchLogBatch(
        [
            first,
            Search($"TARI del codice fiscale {ArchiveRecords.SyntheticFiscalCode}"),
            Search("   "),
            Search(new string('a', FaqQueryRules.MaxQueryLength + 1)),
            Search("passaporto", category: "astrologia"),
            Search("orari") with { At = DateTimeOffset.UtcNow.AddHours(1) },
            first with { Query = "doppione" },
            second,
        ]);

        using var response = await SendAsync(client, SearchesPath, batch);
        var resent = await AcceptedAsync<FaqSearchLogResponse>(await SendAsync(client, SearchesPath, new FaqSearchLogBatch([first, second])));

        var result = await AcceptedAsync<FaqSearchLogResponse>(response);
        Assert.Equal([first.SearchId, second.SearchId], result.Stored);
        Assert.Empty(result.AlreadyStored);
        var refused = result.Refused.ToDictionary(r => r.Index, r => r.Errors.Single());
        Assert.Equal([1, 2, 3, 4, 5, 6], refused.Keys.Order());
        Assert.Equal(("query", "personal_data"), (refused[1].Field, refused[1].Code));
        Assert.Equal(("query", "required"), (refused[2].Field, refused[2].Code));
        Assert.Equal(("query", "invalid"), (refused[3].Field, refused[3].Code));
        Assert.Equal(("categoryCode", "unknown_code"), (refused[4].Field, refused[4].Code));
        Assert.Equal(("at", "invalid"), (refused[5].Field, refused[5].Code));
        Assert.Equal(("searchId", "duplicate_in_batch"), (refused[6].Field, refused[6].Code));
        Assert.Empty(resent.Stored);
        Assert.Equal([first.SearchId, second.SearchId], resent.AlreadyStored);

        // The refused fiscal code is nowhere: not in the answer (kept for idempotency), not in the log.
        Assert.DoesNotContain(ArchiveRecords.SyntheticFiscalCode, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        await using var db = hub.Database.CreateDbContext();
        var stored = await db.FaqSearchLog.OrderBy(s => s.Id).ToListAsync();
        Assert.Equal(["scadenza TARI", "cambio di residenza"], stored.Select(s => s.Query));
        Assert.Equal(["scadenz tari", "camb residenz"], stored.Select(s => s.NormalisedQuery));
        Assert.All(stored, s => Assert.Equal(node.NodeId, s.NodeId));
        Assert.DoesNotContain(await db.IdempotencyRecords.ToListAsync(),
            r => r.ResponseBody is { } body && body.Contains(ArchiveRecords.SyntheticFiscalCode, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Empty_or_oversized_batch_is_refused_whole_and_nothing_is_stored()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);

        using var empty = await SendAsync(client, SearchesPath, new FaqSearchLogBatch([]));
        using var missing = await SendAsync(client, SearchesPath, new FaqSearchLogBatch(null));
        using var oversized = await SendAsync(client, SearchesPath,
            new FaqSearchLogBatch([.. Enumerable.Range(0, FaqSearchLogBatch.MaxSearches + 1).Select(_ => Search("scadenza TARI"))]));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.ProblemAsync()).GetProperty("errors").TryGetProperty("searches", out _));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        await oversized.ProblemAsync();
        await using var db = hub.Database.CreateDbContext();
        Assert.Equal(0, await db.FaqSearchLog.CountAsync());
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Hub_search_answers_a_search_id_and_logs_the_query_anonymised(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        await PublishedAsync(client, Entry("Come si paga la TARI?"));

        await SyncIndexAsync(hub);

        var result = await SearchAsync(client, $"pagare TARI codice fiscale {ArchiveRecords.SyntheticFiscalCode}");

        Assert.Equal(1, result.TotalHits);
        Assert.NotEqual(Guid.Empty, result.SearchId);
        await using var db = hub.Database.CreateDbContext();
        var logged = await UntilAsync(
            () => db.FaqSearchLog.AsNoTracking().SingleOrDefaultAsync(s => s.SearchId == result.SearchId), s => s is not null);
        Assert.NotNull(logged);
        Assert.Equal((node.NodeId, 1), (logged.NodeId, logged.TotalHits));
        Assert.Equal("pagare TARI codice fiscale [CODICE_FISCALE]", logged.Query);
        Assert.DoesNotContain(ArchiveRecords.SyntheticFiscalCode.ToLowerInvariant(), logged.NormalisedQuery, StringComparison.Ordinal);
        Assert.Null(logged.CategoryCode);
        Assert.InRange(logged.At, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);

        // Every column reaches the log (on PostgreSQL by COPY, on SQLite by insert): a category, another count.
        var inCategory = (await client.GetFromJsonAsync<FaqSearchResponse>("/api/v1/faq/search?q=tari&category=tributi.tari"))!;
        var categorised = await UntilAsync(
            () => db.FaqSearchLog.AsNoTracking().SingleOrDefaultAsync(s => s.SearchId == inCategory.SearchId), s => s is not null);
        Assert.NotNull(categorised);
        Assert.Equal(("tari", "tari", "tributi.tari", 1), (categorised.Query, categorised.NormalisedQuery, categorised.CategoryCode, categorised.TotalHits));
        Assert.True(categorised.Id > logged.Id, "the database numbers the rows");
    }
}
