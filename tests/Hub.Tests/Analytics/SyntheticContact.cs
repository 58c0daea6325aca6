namespace LineaHub.Hub.Tests.Analytics;

/// <summary>One closed contact as a test wants it counted; <see cref="ArchiveSeed"/> stores it as ingestion would.</summary>
internal sealed record SyntheticContact(
    DateTimeOffset ClosedAt,
    string Entity = "066049",
    string Region = "13",
    string Category = "tributi.tari",
    string Channel = "telefono",
    string RequestType = "informazione",
    string Outcome = "risolto",
    string Area = "066049",
    int? FirstResponseSeconds = null,
    int? ResolutionSeconds = null,
    short? Satisfaction = null);
