using System.Globalization;
using LineaHub.Hub.Archive;

namespace LineaHub.Hub.Analytics;

/// <summary>Analysts' dates are Italian calendar days (Europe/Rome), as the rollups' days are (<see cref="ArchiveCalendar"/>).</summary>
internal static class ItalianCalendar
{
    private static TimeZoneInfo Italy => ArchiveCalendar.Italy;

    /// <summary>The instant (UTC) an Italian day begins; midnight is never skipped or repeated in Italy.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Italy.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>An hour as Italians read it, with its offset, so the repeated hour of the autumn change stays distinct.</summary>
    public static string HourLabel(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Italy).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string DayLabel(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
