namespace LineaHub.Hub.Archive;

/// <summary>
/// What a set of newly stored records adds to the rollups: one row per cube cell and day, and one histogram per cell,
/// day and duration measure, in key order (writers apply them in that order, so two batches lock shared rows in the
/// same order and never deadlock).
/// </summary>
public sealed record RollupDeltas(IReadOnlyList<ArchiveRollup> Counts, IReadOnlyList<ArchiveDurationRollup> Durations)
{
    public static RollupDeltas From(IEnumerable<ArchivedContact> records)
    {
        var counts = new Dictionary<CountKey, ArchiveRollup>();
        var durations = new Dictionary<DurationKey, ArchiveDurationRollup>();
        foreach (var record in records)
        {
            var day = ArchiveCalendar.DayOf(record.ClosedAt);
            foreach (var cube in RollupCube.SmallestFirst)
            {
                var key = CountKey.Of(cube, day, record);
                if (!counts.TryGetValue(key, out var row))
                {
                    row = key.NewRow();
                    counts.Add(key, row);
                }

                Add(row, record);
                if (cube.HasDurations)
                {
                    AddDuration(durations, key, DurationMeasure.FirstResponse, record.FirstResponseSeconds);
                    AddDuration(durations, key, DurationMeasure.Resolution, record.ResolutionSeconds);
                }
            }
        }

        return new RollupDeltas(InKeyOrder(counts), InKeyOrder(durations));
    }

    private static TRow[] InKeyOrder<TKey, TRow>(Dictionary<TKey, TRow> rows)
        where TKey : struct, IComparable<TKey>
    {
        var pairs = rows.ToArray();
        Array.Sort(pairs, static (a, b) => a.Key.CompareTo(b.Key));
        return Array.ConvertAll(pairs, p => p.Value);
    }

    private static void Add(ArchiveRollup row, ArchivedContact record)
    {
        row.Contacts++;
        if (record.FirstResponseSeconds is { } first)
        {
            row.FirstResponseCount++;
            row.FirstResponseSum += first;
        }

        if (record.ResolutionSeconds is { } resolution)
        {
            row.ResolutionCount++;
            row.ResolutionSum += resolution;
        }

        if (record.Satisfaction is { } satisfaction)
        {
            row.SatisfactionCount++;
            row.SatisfactionSum += satisfaction;
        }
    }

    private static void AddDuration(Dictionary<DurationKey, ArchiveDurationRollup> durations, CountKey cell, DurationMeasure measure, int? seconds)
    {
        if (seconds is not { } value)
        {
            return;
        }

        var key = new DurationKey(cell.Cube, cell.Day, cell.Entity, cell.Region, cell.Category, (short)measure);
        if (!durations.TryGetValue(key, out var row))
        {
            row = new ArchiveDurationRollup
            {
                Cube = key.Cube,
                Day = key.Day,
                EntityCode = key.Entity,
                RegionCode = key.Region,
                Category = key.Category,
                Measure = key.Measure,
            };
            durations.Add(key, row);
        }

        row.Add(DurationBuckets.Of(value));
    }

    private readonly record struct CountKey(
        short Cube, DateOnly Day, string Entity, string Region, string Category, string Channel, string RequestType, string Outcome, string Area)
        : IComparable<CountKey>
    {
        public static CountKey Of(RollupCube cube, DateOnly day, ArchivedContact record) => new(
            cube.Id,
            day,
            Keep(cube, ArchiveDimension.Entity, record.EntityCode),
            Keep(cube, ArchiveDimension.Region, record.RegionCode),
            Keep(cube, ArchiveDimension.Category, record.Category),
            Keep(cube, ArchiveDimension.Channel, record.Channel),
            Keep(cube, ArchiveDimension.RequestType, record.RequestType),
            Keep(cube, ArchiveDimension.Outcome, record.Outcome),
            Keep(cube, ArchiveDimension.Area, record.AreaIstatCode));

        public ArchiveRollup NewRow() => new()
        {
            Cube = Cube,
            Day = Day,
            EntityCode = Entity,
            RegionCode = Region,
            Category = Category,
            Channel = Channel,
            RequestType = RequestType,
            Outcome = Outcome,
            AreaIstatCode = Area,
        };

        public int CompareTo(CountKey other)
        {
            var order = Cube.CompareTo(other.Cube);
            if (order == 0) order = Day.CompareTo(other.Day);
            if (order == 0) order = string.CompareOrdinal(Entity, other.Entity);
            if (order == 0) order = string.CompareOrdinal(Region, other.Region);
            if (order == 0) order = string.CompareOrdinal(Category, other.Category);
            if (order == 0) order = string.CompareOrdinal(Channel, other.Channel);
            if (order == 0) order = string.CompareOrdinal(RequestType, other.RequestType);
            if (order == 0) order = string.CompareOrdinal(Outcome, other.Outcome);
            if (order == 0) order = string.CompareOrdinal(Area, other.Area);
            return order;
        }

        private static string Keep(RollupCube cube, ArchiveDimension dimension, string value) => cube.Keeps(dimension) ? value : RollupCube.All;
    }

    private readonly record struct DurationKey(
        short Cube, DateOnly Day, string Entity, string Region, string Category, short Measure) : IComparable<DurationKey>
    {
        public int CompareTo(DurationKey other)
        {
            var order = Cube.CompareTo(other.Cube);
            if (order == 0) order = Day.CompareTo(other.Day);
            if (order == 0) order = string.CompareOrdinal(Entity, other.Entity);
            if (order == 0) order = string.CompareOrdinal(Region, other.Region);
            if (order == 0) order = string.CompareOrdinal(Category, other.Category);
            if (order == 0) order = Measure.CompareTo(other.Measure);
            return order;
        }
    }
}
