using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LineaHub.Testing;

namespace LineaHub.Hub.Tests.Analytics;

public sealed class TrendsApiTests
{
    private static IEnumerable<SyntheticContact> Times(int count, SyntheticContact contact) => Enumerable.Repeat(contact, count);

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Weekly_counts_follow_Italian_days_and_ISO_weeks_starting_on_Monday(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        // Sunday 1 March 2026, 23:00 in Italy (22:00 UTC): still Sunday, the week of Monday 23 February.
        // Monday 2 March, 00:00 in Italy (Sunday 23:00 UTC): the week of 2 March, although UTC says Sunday.
        // Summer time: Monday 8 June, 00:00 in Italy is Sunday 22:00 UTC; it belongs to the week of 8 June.
        await hub.SeedAsync([
            .. Times(5, new(ArchiveSeed.ItalianHour(2026, 3, 1, 23))),
            .. Times(6, new(ArchiveSeed.ItalianHour(2026, 3, 2, 0))),
            .. Times(7, new(ArchiveSeed.ItalianHour(2026, 3, 8, 12))),
            .. Times(8, new(ArchiveSeed.ItalianHour(2026, 6, 8, 0))),
            .. Times(9, new(ArchiveSeed.ItalianHour(2026, 6, 7, 23))),
        ]);
        var analyst = await hub.CreateAnalystClientAsync();

        var weeks = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/analytics/trends?bucket=week&from=2026-01-01&to=2027-01-01");
        var months = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/analytics/trends?bucket=month&from=2026-01-01&to=2027-01-01");
        var days = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/analytics/trends?bucket=day&from=2026-03-01&to=2026-03-03");

        Assert.Equal(new Dictionary<string, long?>
        {
            ["|2026-02-23"] = 5,
            ["|2026-03-02"] = 13,
            ["|2026-06-01"] = 9,
            ["|2026-06-08"] = 8,
        }, weeks.Points());
        Assert.Equal(new Dictionary<string, long?> { ["|2026-03-01"] = 18, ["|2026-06-01"] = 17 }, months.Points());
        Assert.Equal(new Dictionary<string, long?> { ["|2026-03-01"] = 5, ["|2026-03-02"] = 6 }, days.Points());
        Assert.Equal("category", weeks.GetProperty("source").GetString());
        Assert.True(weeks.GetProperty("suppression").GetProperty("applied").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Grouping_by_two_dimensions_with_filters_reads_the_smallest_covering_cube(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var day = ArchiveSeed.ItalianHour(2026, 4, 15, 10);
        await hub.SeedAsync([
            .. Times(5, new(day, Category: "tributi.tari", Region: "13")),
            .. Times(6, new(day, Category: "tributi.imu", Region: "13")),
            .. Times(7, new(day, Category: "anagrafe.residenza", Region: "13")),
            .. Times(8, new(day, Category: "tributi.tari", Region: "12", Entity: "058091")),
            .. Times(9, new(day, Category: "tributi.tari", Region: "13", Channel: "email")),
        ]);
        var analyst = await hub.CreateAnalystClientAsync();

        var byTopAndRegion = await analyst.GetFromJsonAsync<JsonElement>(
            "/api/v1/analytics/trends?bucket=month&from=2026-04-01&to=2026-05-01&groupBy=topCategory,region");
        var tributiByChannel = await analyst.GetFromJsonAsync<JsonElement>(
            "/api/v1/analytics/trends?bucket=month&from=2026-04-01&to=2026-05-01&groupBy=channel&category=tributi&region=13");

        Assert.Equal("region-category", byTopAndRegion.GetProperty("source").GetString());
        Assert.Equal(new Dictionary<string, long?>
        {
            ["topCategory=anagrafe,region=13|2026-04-01"] = 7,
            ["topCategory=tributi,region=12|2026-04-01"] = 8,
            ["topCategory=tributi,region=13|2026-04-01"] = 20,
        }, byTopAndRegion.Points());
        Assert.Equal("detail", tributiByChannel.GetProperty("source").GetString());
        Assert.Equal(new Dictionary<string, long?>
        {
            ["channel=email|2026-04-01"] = 9,
            ["channel=telefono|2026-04-01"] = 11,
        }, tributiByChannel.Points());
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Hours_are_counted_on_the_records_in_Italian_time_for_ranges_up_to_31_days(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        await hub.SeedAsync([
            .. Times(5, new(ArchiveSeed.ItalianHour(2026, 7, 1, 9))),
            .. Times(6, new(ArchiveSeed.ItalianHour(2026, 7, 1, 10), Outcome: "inoltrato")),
            .. Times(2, new(ArchiveSeed.ItalianHour(2026, 7, 2, 0))),
        ]);
        var analyst = await hub.CreateAnalystClientAsync();

        var hours = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/analytics/trends?bucket=hour&from=2026-07-01&to=2026-07-02");
        using var tooLong = await analyst.GetAsync("/api/v1/analytics/trends?bucket=hour&from=2026-07-01&to=2026-08-02");

        Assert.Equal("records", hours.GetProperty("source").GetString());
        Assert.Equal(new Dictionary<string, long?>
        {
            ["|2026-07-01T09:00:00+02:00"] = 5,
            ["|2026-07-01T10:00:00+02:00"] = 6,
        }, hours.Points());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var problem = await tooLong.ProblemAsync();
        Assert.Contains("31 giorni", problem.GetProperty("errors").GetProperty("to")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("record grezzi", problem.GetProperty("errors").GetProperty("to")[0].GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadQueries => new()
    {
        { "/api/v1/analytics/trends?bucket=week&from=2026-01-01&to=2027-01-01&groupBy=colour", "groupBy" },
        { "/api/v1/analytics/trends?bucket=week&from=2026-01-01&to=2027-01-01&groupBy=category,region,channel", "groupBy" },
        { "/api/v1/analytics/trends?bucket=week&from=2026-03-01&to=2026-03-01", "to" },
        { "/api/v1/analytics/trends?bucket=week&from=2026-03-01&to=2026-02-01", "to" },
        { "/api/v1/analytics/trends?bucket=week&from=2020-01-01&to=2027-01-01", "to" },
        { "/api/v1/analytics/trends?bucket=fortnight&from=2026-01-01&to=2027-01-01", "bucket" },
        { "/api/v1/analytics/trends?bucket=3&from=2026-01-01&to=2027-01-01", "bucket" },
        { "/api/v1/analytics/trends?from=2026-01-01&to=2027-01-01", "bucket" },
        { "/api/v1/analytics/trends?bucket=day&from=01/03/2026&to=2027-01-01", "from" },
        { "/api/v1/analytics/top-categories?from=2026-01-01&to=2027-01-01&limit=0", "limit" },
        { "/api/v1/analytics/durations?from=2026-01-01&to=2027-01-01&groupBy=channel", "groupBy" },
        { "/api/v1/analytics/durations?from=2026-01-01&to=2027-01-01&outcome=risolto", "outcome" },
        { "/api/v1/analytics/durations?from=2026-01-01&to=2027-01-01&bucket=hour", "bucket" },
        { "/api/v1/analytics/durations?from=2026-01-01&to=2027-01-01&percentiles=0", "percentiles" },
        { "/api/v1/analytics/durations?from=2026-01-01&to=2027-01-01&measure=patience", "measure" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Bad_input_is_answered_with_a_problem_naming_the_field(string url, string field)
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var analyst = await hub.CreateAnalystClientAsync();

        using var response = await analyst.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var reasons), $"no error for {field}: {problem}");
        Assert.False(string.IsNullOrWhiteSpace(reasons[0].GetString()));
    }
}
