namespace LineaHub.Benchmarks.ArchiveGenerator;

/// <summary>
/// A day when one region had far more contacts than usual about one thing (an outage of the regional booking service,
/// a storm): <paramref name="Extra"/> times the region's usual daily volume, added on top.
/// </summary>
public sealed record Burst(DateOnly Day, string RegionCode, string Category, string RequestType, string Channel, double Extra, string What);
