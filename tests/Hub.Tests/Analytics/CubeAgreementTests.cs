using LineaHub.Hub.Analytics;
using LineaHub.Hub.Archive;
using LineaHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LineaHub.Hub.Tests.Analytics;

/// <summary>
/// The smaller cubes exist for speed only: any query a small cube answers must get the same answer from the Detail
/// cube (and, for durations, from the entity-category cube). Random data, random queries, fixed seeds.
/// </summary>
public sealed class CubeAgreementTests
{
    private static readonly string[] Entities = ["066049", "058091", "069022"];
    private static readonly string[] Regions = ["13", "12"];
    private static readonly string[] Categories = ["tributi.tari", "tributi.imu", "anagrafe.residenza", "anagrafe", "ambiente-rifiuti.raccolta"];
    private static readonly string[] Channels = ["telefono", "email", "sportello"];
    private static readonly string[] Outcomes = ["risolto", "inoltrato"];
    private static readonly string[] Areas = ["066049", "066050"];

    private static readonly TrendDimension[] SmallCubeDimensions = [TrendDimension.Category, TrendDimension.TopCategory, TrendDimension.Entity, TrendDimension.Region];

    [Fact]
    public void The_small_cubes_keep_the_ids_their_covering_indexes_name()
    {
        // Migration CategoryCubeIndex (PostgreSQL) creates partial indexes WHERE cube = 4 and WHERE cube = 3: renumbering
        // a cube would leave its trends without them, and give them to another cube.
        Assert.Equal(4, RollupCube.Category.Id);
        Assert.Equal(3, RollupCube.RegionCategory.Id);
        Assert.Equal(
            [ArchiveDimension.Category],
            RollupCube.Category.Dimensions.Order());
        Assert.Equal(
            [ArchiveDimension.Region, ArchiveDimension.Category],
            RollupCube.RegionCategory.Dimensions.Order());
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Every_cube_that_covers_a_query_gives_the_answer_of_the_detail_cube(StorageKind storage)
    {
        var random = new Random(20260401);
        T Pick<T>(T[] values) => values[random.Next(values.Length)];
        await using var hub = await HubServer.StartAsync(storage);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await hub.SeedAsync(Enumerable.Range(0, 600).Select(_ => new SyntheticContact(
            start.AddHours(random.Next(0, 24 * 120)),
            Pick(Entities), Pick(Regions), Pick(Categories), Pick(Channels), "informazione", Pick(Outcomes), Pick(Areas),
            FirstResponseSeconds: random.Next(0, 4) == 0 ? null : random.Next(0, 5000),
            ResolutionSeconds: random.Next(0, 3) == 0 ? null : random.Next(60, 500_000))));
        await using var scope = hub.Services.CreateAsyncScope();
        var trends = scope.ServiceProvider.GetRequiredService<TrendQuery>();
        var durations = scope.ServiceProvider.GetRequiredService<DurationsQuery>();
        var everything = new AnalyticsViewer(OwnEntity: null, MinimumCellCount: null);
        var cubesSeen = new HashSet<string>();

        for (var i = 0; i < 40; i++)
        {
            var groupBy = SmallCubeDimensions.OrderBy(_ => random.Next()).Take(random.Next(0, 3)).ToList();
            if (groupBy.Contains(TrendDimension.Category) && groupBy.Contains(TrendDimension.TopCategory))
            {
                groupBy.Remove(TrendDimension.TopCategory);
            }

            var filter = AnalyticsFilter.None;
            if (random.Next(0, 2) == 0)
            {
                filter = filter.With(ArchiveDimension.Category, [Pick(["tributi", "anagrafe", "tributi.tari"])]);
            }

            if (random.Next(0, 3) == 0)
            {
                filter = filter.With(ArchiveDimension.Region, [Pick(Regions)]);
            }

            if (random.Next(0, 4) == 0)
            {
                filter = filter.With(ArchiveDimension.Entity, [Pick(Entities), Pick(Entities)]);
            }

            var bucket = Pick([TimeBucket.Day, TimeBucket.Week, TimeBucket.Month]);
            var from = new DateOnly(2026, 1, 1).AddDays(random.Next(0, 30));
            var to = from.AddDays(random.Next(1, 100));
            var request = new TrendRequest(bucket, from, to, groupBy, filter);

            var chosen = await trends.RunAsync(request, everything, CancellationToken.None);
            var detail = await trends.RunAsync(request, everything, RollupCube.Detail, CancellationToken.None);
            cubesSeen.Add(chosen.Source);

            Assert.Equal(Flatten(detail), Flatten(chosen));

            var durationRequest = new DurationsRequest(from, to, Pick<TimeBucket?>([null, TimeBucket.Week, TimeBucket.Month]), groupBy, filter,
                DurationsRequest.AllMeasures, [25, 50, 90, 99]);
            var chosenDurations = await durations.RunAsync(durationRequest, everything, CancellationToken.None);
            var widestDurations = await durations.RunAsync(durationRequest, everything, RollupCube.EntityCategory, CancellationToken.None);
            Assert.Equal(Flatten(widestDurations), Flatten(chosenDurations));
        }

        // The random queries did exercise the small cubes, not only the detail one.
        Assert.Contains("category", cubesSeen);
        Assert.Contains("region-category", cubesSeen);
        Assert.Contains("entity-category", cubesSeen);
    }

    private static List<string> Flatten(TrendResult result) =>
        [.. result.Series.SelectMany(s => s.Points.Select(p => $"{string.Join(",", s.Group.Select(g => $"{g.Key}={g.Value}"))}|{p.Start}|{p.Count}"))];

    private static List<string> Flatten(DurationsResult result) =>
        [.. result.Cells.Select(c => $"{c.Start}|{string.Join(",", c.Group.Select(g => $"{g.Key}={g.Value}"))}|{c.Measure}|{c.Count}|{c.AverageSeconds}|{string.Join(",", c.Percentiles.Select(p => $"{p.Percentile}:{p.Seconds}"))}")];
}
