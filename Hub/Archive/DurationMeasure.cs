namespace LineaHub.Hub.Archive;

/// <summary>Which duration a <see cref="ArchiveDurationRollup"/> row counts.</summary>
public enum DurationMeasure : short
{
    FirstResponse = 1,
    Resolution = 2,
}
