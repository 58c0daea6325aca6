namespace LineaHub.Hub.Archive;

/// <summary>
/// Days in the archive are Italian calendar days: a contact closed at 23:00 UTC on a summer evening belongs to the
/// next day in Italy, and that is the day an analyst expects to see it on. Archive times are whole hours and Italy's
/// offsets are whole hours, so the conversion is exact.
/// </summary>
public static class ArchiveCalendar
{
    public static TimeZoneInfo Italy { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Italy).DateTime);

    /// <summary>First instant (UTC) of the month <paramref name="at"/> falls in, in UTC: the partition it belongs to.</summary>
    public static DateTimeOffset MonthStart(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
