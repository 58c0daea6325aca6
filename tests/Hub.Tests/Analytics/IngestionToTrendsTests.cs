using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LineaHub.Hub.Tests.Archive;
using LineaHub.Schemas.Archive;
using LineaHub.Testing;

namespace LineaHub.Hub.Tests.Analytics;

/// <summary>The whole path: a node sends batches to the real intake, which maintains the rollups the queries read.</summary>
public sealed class IngestionToTrendsTests
{
    private static async Task SendAsync(HttpClient node, ArchiveBatchRequest batch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/archive/batches") { Content = JsonContent.Create(batch) };
        request.Headers.Add("Idempotency-Key", $"\"{Guid.NewGuid()}\"");
        using var response = await node.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Ingested_records_are_counted_once_by_trends_durations_and_hours(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var admin = await hub.CreateAdminClientAsync();
        var code = NetworkFixtures.RandomComuneCode();
        var (node, nodeClient) = await hub.JoinNodeAsync(admin, code);
        using var _ = node;
        var closed = ArchiveRecords.LastHour;
        var tari = Enumerable.Range(0, 5).Select(i => ArchiveRecords.Valid("t" + i.ToString(CultureInfo.InvariantCulture), closed, firstResponse: 100 + (i * 10))).ToArray();
        var anagrafe = ArchiveRecords.Valid("a0", closed, category: "anagrafe.residenza");

        await SendAsync(nodeClient, ArchiveRecords.Batch([.. tari, anagrafe]));
        // A retry under a new key (the agent lost the answer and rebuilt the batch): stored and counted once.
        await SendAsync(nodeClient, ArchiveRecords.Batch(tari[0], tari[1]));

        var day = ArchiveSeed.ItalianDay(closed);
        var range = $"from={day.AddDays(-1):yyyy-MM-dd}&to={day.AddDays(1):yyyy-MM-dd}";
        var analyst = await hub.CreateAnalystClientAsync();
        var trend = await analyst.GetFromJsonAsync<JsonElement>($"/api/v1/analytics/trends?bucket=day&groupBy=category,entity&{range}");
        var own = await nodeClient.GetFromJsonAsync<JsonElement>($"/api/v1/analytics/trends?bucket=hour&groupBy=category&{range}");
        var durations = await analyst.GetFromJsonAsync<JsonElement>($"/api/v1/analytics/durations?measure=firstResponse&{range}");

        var dayLabel = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(new Dictionary<string, long?>
        {
            [$"category=anagrafe.residenza,entity={code}|{dayLabel}"] = null,
            [$"category=tributi.tari,entity={code}|{dayLabel}"] = 5,
        }, trend.Points());
        var hour = TimeZoneInfo.ConvertTime(closed, TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome"))
            .ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        Assert.Equal(new Dictionary<string, long?>
        {
            [$"category=anagrafe.residenza|{hour}"] = 1,
            [$"category=tributi.tari|{hour}"] = 5,
        }, own.Points());
        var cell = Assert.Single(durations.GetProperty("cells").EnumerateArray());
        Assert.Equal(6, cell.GetProperty("count").GetInt64());
        Assert.Equal((100 + 110 + 120 + 130 + 140 + 120) / 6.0, cell.GetProperty("averageSeconds").GetDouble(), 6);
    }
}
