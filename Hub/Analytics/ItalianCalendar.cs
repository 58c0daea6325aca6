using System.Globalization;

namespace LineaHub.Hub.Analytics;

/// <summary>Analysts' dates are Italian calendar days (Europe/Rome), as the rollups' days are.</summary>
internal static class ItalianCalendar
{
    private static readonly TimeZoneInfo Italy = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

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
