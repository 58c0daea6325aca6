using LineaHub.Schemas.Capacity;

namespace LineaHub.Samples.LocalNetwork;

/// <summary>
/// Moves each office's queue as calls arrive and are answered, so the network view changes like a
/// real morning. Deterministic for a given seed.
/// </summary>
public sealed class SyntheticTraffic(IReadOnlyList<Office> offices, int seed = 2026)
{
    private readonly Random _random = new(seed);
    private readonly Dictionary<string, int> _queues = offices.ToDictionary(o => o.Slug, _ => 0);

    public CapacityReport Next(Office office)
    {
        var operators = Math.Max(1, office.Operators + _random.Next(-1, 2));
        var arrivals = _random.Next(0, office.Operators + 4);
        var queue = Math.Max(0, _queues[office.Slug] + arrivals - operators);
        _queues[office.Slug] = queue;
        var averageHandling = 180 + _random.Next(0, 240);

        // An office whose queue would keep a caller waiting more than five minutes stops taking overflow.
        var expectedWaitSeconds = queue * averageHandling / operators;
        return new CapacityReport(operators, queue, averageHandling, expectedWaitSeconds < 300, true);
    }
}
