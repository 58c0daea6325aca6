using System.Net.Http.Json;
using System.Text.Json;
using LineaHub.Testing;

namespace LineaHub.Hub.Tests.Analytics;

public sealed class TopCategoriesAndDurationsTests
{
    private static IEnumerable<SyntheticContact> Times(int count, SyntheticContact contact) => Enumerable.Repeat(contact, count);

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Top_categories_rank_the_period_and_measure_growth_against_the_one_before(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var previous = ArchiveSeed.ItalianHour(2026, 2, 10, 9);
        var current = ArchiveSeed.ItalianHour(2026, 3, 10, 9);
        await hub.SeedAsync([
            .. Times(10, new(previous, Category: "tributi.tari")),
            .. Times(15, new(current, Category: "tributi.tari")),
            .. Times(20, new(previous, Category: "anagrafe.residenza")),
            .. Times(10, new(current, Category: "anagrafe.residenza")),
            .. Times(12, new(current, Category: "tributi.imu")),
            // Before the previous period: not counted anywhere.
            .. Times(50, new(ArchiveSeed.ItalianHour(2026, 1, 20, 9), Category: "anagrafe.residenza")),
        ]);
        var analyst = await hub.CreateAnalystClientAsync();

        // [1 March, 31 March): 30 days; the previous period is [30 January, 1 March).
        var leaves = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/analytics/top-categories?from=2026-03-01&to=2026-03-31&limit=2");
        var tops = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/analytics/top-categories?from=2026-03-01&to=2026-03-31&topLevel=true");

        Assert.Equal("2026-01-30", leaves.GetProperty("previousFrom").GetString());
        var ranked = leaves.GetProperty("categories").EnumerateArray()
            .Select(c => (c.GetProperty("category").GetString(), c.GetProperty("count").GetInt64(), c.GetProperty("previousCount").GetInt64(),
                c.GetProperty("growth").ValueKind == JsonValueKind.Null ? (double?)null : c.GetProperty("growth").GetDouble()))
            .ToList();
        Assert.Equal([("tributi.tari", 15L, 10L, (double?)0.5), ("tributi.imu", 12L, 0L, null)], ranked);
        var topLevel = tops.GetProperty("categories").EnumerateArray()
            .Select(c => (c.GetProperty("category").GetString(), c.GetProperty("count").GetInt64(), c.GetProperty("growth").GetDouble()))
            .ToList();
        Assert.Equal([("tributi", 27L, 1.7), ("anagrafe", 10L, -0.5)], topLevel);
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Duration_percentiles_come_within_ten_percent_and_averages_are_exact(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var at = ArchiveSeed.ItalianHour(2026, 9, 15, 10);
        // First responses 10, 20, …, 1000 s; resolutions only for half of them.
        await hub.SeedAsync(Enumerable.Range(1, 100).Select(i => new SyntheticContact(
            at, Region: i % 2 == 0 ? "13" : "12", FirstResponseSeconds: i * 10, ResolutionSeconds: i % 2 == 0 ? i * 100 : null)));
        var analyst = await hub.CreateAnalystClientAsync();

        var all = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/analytics/durations?from=2026-09-01&to=2026-10-01&percentiles=50,90&percentiles=99");
        var byRegion = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/analytics/durations?from=2026-09-01&to=2026-10-01&groupBy=region&measure=resolution&bucket=month");

        var cells = all.GetProperty("cells").EnumerateArray().ToDictionary(c => c.GetProperty("measure").GetString()!);
        var first = cells["firstResponse"];
        Assert.Equal(100, first.GetProperty("count").GetInt64());
        Assert.Equal(505, first.GetProperty("averageSeconds").GetDouble());
        var percentiles = first.GetProperty("percentiles").EnumerateArray().ToDictionary(p => p.GetProperty("percentile").GetDouble(), p => p.GetProperty("seconds").GetDouble());
        Assert.InRange(percentiles[50], 500 / 1.1, 500 * 1.1);
        Assert.InRange(percentiles[90], 900 / 1.1, 900 * 1.1);
        Assert.InRange(percentiles[99], 990 / 1.1, 990 * 1.1);
        Assert.Equal(50, cells["resolution"].GetProperty("count").GetInt64());
        Assert.Equal("category", all.GetProperty("source").GetString());

        var regions = byRegion.GetProperty("cells").EnumerateArray().ToList();
        var only = Assert.Single(regions);
        Assert.Equal("13", only.GetProperty("group").GetProperty("region").GetString());
        Assert.Equal("2026-09-01", only.GetProperty("start").GetString());
        Assert.Equal(5100, only.GetProperty("averageSeconds").GetDouble());
        Assert.Equal("region-category", byRegion.GetProperty("source").GetString());
    }
}
