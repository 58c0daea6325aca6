namespace LineaHub.Benchmarks.TrendQueries;

/// <summary>A query analysts run, as the REST request the hub answers.</summary>
public sealed record QueryShape(string Name, string PathAndQuery, bool IsGoal);
