namespace LineaHub.Schemas.Anonymisation;

/// <summary>Times in the archive are kept to the hour: enough for trends, too coarse to match a contact to a call log.</summary>
public static class ArchiveTime
{
    /// <summary><paramref name="at"/> in UTC with minutes, seconds and fractions dropped.</summary>
    public static DateTimeOffset ToHour(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }
}
