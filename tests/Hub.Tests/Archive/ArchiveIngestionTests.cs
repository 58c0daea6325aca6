using System.Net;
using System.Net.Http.Json;
using System.Text;
using LineaHub.Hub.Archive;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Archive;
using LineaHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LineaHub.Hub.Tests.Archive;

public sealed class ArchiveIngestionTests
{
    private static async Task<HttpResponseMessage> SendAsync(HttpClient node, ArchiveBatchRequest batch, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/archive/batches") { Content = JsonContent.Create(batch) };
        request.Headers.Add("Idempotency-Key", $"\"{key ?? Guid.NewGuid().ToString()}\"");
        return await node.SendAsync(request);
    }

    private static async Task<ArchiveBatchResponse> AcceptedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ArchiveBatchResponse>())!;
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Records_with_personal_data_are_refused_on_their_own_and_the_rest_are_stored(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        var batch = ArchiveRecords.Batch(
            ArchiveRecords.Valid("a1"),
            ArchiveRecords.Valid("a2") with { Text = $"Il cittadino con codice fiscale {ArchiveRecords.SyntheticFiscalCode} chiede della TARI." },
            ArchiveRecords.Valid("a3") with { Category = "astrologia" },
            ArchiveRecords.Valid("a4") with { ClosedAt = ArchiveRecords.LastHour.AddMinutes(17) },
            ArchiveRecords.Valid(ArchiveRecords.SyntheticFiscalCode),
            ArchiveRecords.Valid("a6") with { Citizen = "3331234567" },
            ArchiveRecords.Valid("a7"));

        using var response = await SendAsync(client, batch);

        var result = await AcceptedAsync(response);
        Assert.Equal(["a1", "a7"], result.Accepted.Order());
        Assert.Empty(result.AlreadyStored);
        var refused = result.Refused.ToDictionary(r => r.Index);
        Assert.Equal([1, 2, 3, 4, 5], refused.Keys.Order());
        Assert.Equal(("text", "personal_data"), (refused[1].Errors.Single().Field, refused[1].Errors.Single().Code));
        Assert.Equal(("category", "unknown_code"), (refused[2].Errors.Single().Field, refused[2].Errors.Single().Code));
        Assert.Equal(("closedAt", "too_precise"), (refused[3].Errors.Single().Field, refused[3].Errors.Single().Code));
        Assert.Equal(("recordId", "personal_data"), (refused[4].Errors.Single().Field, refused[4].Errors.Single().Code));
        Assert.Null(refused[4].RecordId);
        Assert.Equal(("citizen", "personal_data"), (refused[5].Errors.Single().Field, refused[5].Errors.Single().Code));

        // Nothing of the refused records reached the database, not even the response kept for idempotency.
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(ArchiveRecords.SyntheticFiscalCode, body, StringComparison.OrdinalIgnoreCase);
        await using var db = hub.Database.CreateDbContext();
        Assert.Equal(["a1", "a7"], (await db.ArchivedContacts.Select(c => c.RecordId).ToListAsync()).Order());
        Assert.DoesNotContain(await db.IdempotencyRecords.Select(r => r.ResponseBody).ToListAsync(), b => b != null && b.Contains(ArchiveRecords.SyntheticFiscalCode, StringComparison.Ordinal));
        Assert.DoesNotContain(await db.ArchivedContacts.Select(c => c.Text).ToListAsync(), t => t != null && t.Contains(ArchiveRecords.SyntheticFiscalCode, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Histograms_of_one_cell_from_several_batches_add_up_bucket_by_bucket_whatever_their_lengths(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        var hour = ArchiveRecords.LastHour;

        // One cell (day, entity, category) per cube; the batches' histograms end at different buckets, a shorter one after
        // a longer one and the other way round.
        await AcceptedAsync(await SendAsync(client, ArchiveRecords.Batch(ArchiveRecords.Valid("h1", hour, firstResponse: 1000, resolution: null))));
        await AcceptedAsync(await SendAsync(client, ArchiveRecords.Batch(
            ArchiveRecords.Valid("h2", hour, firstResponse: 30, resolution: null),
            ArchiveRecords.Valid("h3", hour, firstResponse: 30, resolution: null))));
        await AcceptedAsync(await SendAsync(client, ArchiveRecords.Batch(ArchiveRecords.Valid("h4", hour, firstResponse: 3500, resolution: null))));

        await using var db = hub.Database.CreateDbContext();
        var histograms = await db.ArchiveDurationRollups.ToListAsync();
        Assert.Equal(3, histograms.Count);
        var expected = new int[DurationBuckets.Of(3500) + 1];
        expected[DurationBuckets.Of(30)] = 2;
        expected[DurationBuckets.Of(1000)] = 1;
        expected[DurationBuckets.Of(3500)] = 1;
        Assert.All(histograms, h => Assert.Equal(expected, h.Counts));
        Assert.All(histograms, h => Assert.Equal((short)DurationMeasure.FirstResponse, h.Measure));
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task A_record_is_stored_and_counted_once_whatever_the_retries(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        var batch = ArchiveRecords.ValidBatch(5);

        var first = await AcceptedAsync(await SendAsync(client, batch, "lotto-1"));
        var replay = await AcceptedAsync(await SendAsync(client, batch, "lotto-1"));
        var resent = await AcceptedAsync(await SendAsync(client, ArchiveRecords.Batch([.. batch.Records!, ArchiveRecords.Valid("r5")]), "lotto-2"));
        using var otherBody = await SendAsync(client, ArchiveRecords.ValidBatch(1, "x"), "lotto-1");

        Assert.Equal(5, first.Accepted.Count);
        Assert.Equal(first.Accepted, replay.Accepted);
        Assert.Empty(replay.AlreadyStored);
        Assert.Equal(["r5"], resent.Accepted);
        Assert.Equal(5, resent.AlreadyStored.Count);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherBody.StatusCode);

        await using var db = hub.Database.CreateDbContext();
        Assert.Equal(6, await db.ArchivedContacts.CountAsync());
        Assert.Equal(0, await db.ArchivedContacts.CountAsync(c => c.RecordId == "x0"));
        foreach (var cube in RollupCube.SmallestFirst)
        {
            Assert.Equal(6, await db.ArchiveRollups.Where(r => r.Cube == cube.Id).SumAsync(r => r.Contacts));
        }

        // Every record has both durations, and only the duration cubes keep histograms: one per cube and measure, which the
        // second batch added to (its record in the same bucket), ending at that bucket.
        var histograms = await db.ArchiveDurationRollups.OrderBy(h => h.Cube).ThenBy(h => h.Measure).ToListAsync();
        Assert.Equal([2, 2, 3, 3, 4, 4], histograms.Select(h => (int)h.Cube));
        foreach (var histogram in histograms)
        {
            var bucket = DurationBuckets.Of(histogram.Measure == (short)DurationMeasure.FirstResponse ? 120 : 900);
            Assert.Equal(bucket + 1, histogram.Counts.Length);
            Assert.Equal(6, histogram.Counts[bucket]);
            Assert.Equal(6, histogram.Counts.Sum());
        }

        var detail = await db.ArchiveRollups.SingleAsync(r => r.Cube == RollupCube.Detail.Id);
        Assert.Equal((6L, 6L * 120, 6L * 900, 6L * 4), (detail.Contacts, detail.FirstResponseSum, detail.ResolutionSum, detail.SatisfactionSum));
        Assert.Equal(ArchiveCalendar.DayOf(ArchiveRecords.LastHour), detail.Day);
    }

    [Fact]
    public async Task Concurrent_batches_with_overlapping_records_store_and_count_each_once_on_postgres()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Postgres);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);

        // Eight batches of 200 over 400 distinct records: every record is sent by four batches at once.
        var batches = Enumerable.Range(0, 8).Select(b => ArchiveRecords.Batch(
            [.. Enumerable.Range(0, 200).Select(i => ArchiveRecords.Valid($"c{(b * 50 + i) % 400}", category: i % 2 == 0 ? "tributi.tari" : "anagrafe"))]));
        var results = await Task.WhenAll(batches.Select(async b => await AcceptedAsync(await SendAsync(client, b))));

        Assert.Equal(400, results.Sum(r => r.Accepted.Count));
        Assert.Equal(400, results.SelectMany(r => r.Accepted).Distinct().Count());
        await using var db = hub.Database.CreateDbContext();
        Assert.Equal(400, await db.ArchivedContacts.CountAsync());
        Assert.Equal(400, await db.ArchiveRollups.Where(r => r.Cube == RollupCube.Category.Id).SumAsync(r => r.Contacts));
    }

    [Fact]
    public async Task The_postgres_writer_refuses_to_run_outside_a_transaction_and_stores_nothing()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Postgres);
        await using var scope = hub.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var writer = scope.ServiceProvider.GetRequiredService<PostgresArchiveWriter>();
        var row = ArchivedContact.From(ArchiveRecords.Valid("t1"), Guid.NewGuid(), "058091", "12", DateTimeOffset.UtcNow);

        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteAsync(db, [row], CancellationToken.None));

        Assert.Equal(0, await db.ArchivedContacts.CountAsync());
        Assert.Equal(0, await db.ArchiveRollups.CountAsync());
    }

    public static TheoryData<string, HttpStatusCode> BadBatches => new()
    {
        { """{"records":[]}""", HttpStatusCode.BadRequest },
        { """{}""", HttpStatusCode.BadRequest },
        { """{"records":[{"recordId":"a","openedAt":"ieri"}]}""", HttpStatusCode.BadRequest },
        { """{"records":""", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(BadBatches))]
    public async Task A_malformed_batch_is_a_problem_and_stores_nothing(string body, HttpStatusCode status)
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);

        using var response = await client.PostAsync("/api/v1/archive/batches", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(status, response.StatusCode);
        await response.ProblemAsync();
        await using var db = hub.Database.CreateDbContext();
        Assert.Equal(0, await db.ArchivedContacts.CountAsync());
    }

    [Fact]
    public async Task Too_many_records_or_too_many_bytes_is_413_and_stores_nothing()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite, new Dictionary<string, string?> { ["Archive:MaxBatchBytes"] = "600000" });
        using var node = await hub.JoinNewNodeAsync(await hub.CreateAdminClientAsync());
        var client = await hub.NodeClientAsync(node);
        var tooMany = ArchiveRecords.Batch([.. Enumerable.Range(0, ArchiveRecordRules.MaxRecordsPerBatch + 1).Select(i => ArchiveRecords.Valid($"m{i}") with { Text = null })]);
        var tooLarge = ArchiveRecords.Batch([.. Enumerable.Range(0, 300).Select(i => ArchiveRecords.Valid($"l{i}") with { Text = new string('a', 2000) })]);

        using var many = await SendAsync(client, tooMany);
        using var large = await SendAsync(client, tooLarge);
        using var anonymous = await hub.CreateClient().PostAsJsonAsync("/api/v1/archive/batches", ArchiveRecords.ValidBatch(1));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, many.StatusCode);
        await many.ProblemAsync();
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await using var db = hub.Database.CreateDbContext();
        Assert.Equal(0, await db.ArchivedContacts.CountAsync());
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task A_contact_taken_through_overflow_counts_for_the_entity_the_citizen_addressed(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var admin = await hub.CreateAdminClientAsync();
        var origin = await admin.CreateNodeAsync(NetworkFixtures.NodeRequest() with { RegionCode = "09" });
        using var handler = await hub.JoinNewNodeAsync(admin);
        var client = await hub.NodeClientAsync(handler);

        var result = await AcceptedAsync(await SendAsync(client, ArchiveRecords.Batch(
            ArchiveRecords.Valid("o1") with { EntityCode = origin.Node.Code },
            ArchiveRecords.Valid("o2") with { EntityCode = "999999" })));

        Assert.Equal(["o1"], result.Accepted);
        Assert.Equal(("entityCode", "unknown_code"), (result.Refused.Single().Errors.Single().Field, result.Refused.Single().Errors.Single().Code));
        await using var db = hub.Database.CreateDbContext();
        var stored = await db.ArchivedContacts.SingleAsync();
        Assert.Equal((origin.Node.Code, "09", handler.NodeId), (stored.EntityCode, stored.RegionCode, stored.NodeId));
    }
}
