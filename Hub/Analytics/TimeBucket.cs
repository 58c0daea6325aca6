namespace LineaHub.Hub.Analytics;

/// <summary>The width of one point of a trend. Days, weeks and months are Italian calendar days (Europe/Rome).</summary>
public enum TimeBucket
{
    /// <summary>Clock hours; counted on the raw records (rollups keep days), so only for short ranges.</summary>
    Hour,
    Day,

    /// <summary>ISO weeks, starting on Monday.</summary>
    Week,

    /// <summary>Calendar months.</summary>
    Month,
}
