namespace LineaHub.Benchmarks.FaqSearchHttp;

/// <summary>What one index size measured.</summary>
/// <param name="Entries">Published entries in the database.</param>
/// <param name="HubStart">From starting the hub process to its readiness answering 200 (includes the index build).</param>
/// <param name="IndexBuild">The hub's own figure for reading the entries and building the index, from its log.</param>
/// <param name="Load">The measurement: searches, errors (answers other than 200), length, latency percentiles, the load generator's CPU.</param>
/// <param name="HubCpu">Hub process CPU during the measurement.</param>
/// <param name="MaxRssKiB">Highest hub VmRSS sampled during the measurement.</param>
/// <param name="RssAfterStartKiB">Hub VmRSS once ready, before any search.</param>
/// <param name="LoadAverage">The machine's load average at the end.</param>
/// <param name="Sent">Searches sent in all (the check, the warm-up and the measurement).</param>
/// <param name="Logged">Rows in the hub's search log afterwards.</param>
/// <param name="LogWarnings">Search-log warnings in the hub's output (buffer full, batch refused).</param>
internal sealed record SearchRun(
    int Entries,
    TimeSpan HubStart,
    string IndexBuild,
    LoadResult Load,
    TimeSpan HubCpu,
    long MaxRssKiB,
    long RssAfterStartKiB,
    string LoadAverage,
    long Sent,
    long Logged,
    int LogWarnings);
