namespace LineaHub.Schemas.Capacity;

/// <summary>
/// What an office reports about itself every interval. Latest wins: a report replaces the previous one.
/// Fields are nullable only so that a missing field is reported as missing rather than read as zero.
/// </summary>
/// <param name="OperatorsOnline">Operators answering now.</param>
/// <param name="QueueLength">Contacts waiting in the local queue.</param>
/// <param name="AverageHandlingSeconds">Average handling time of a contact, in seconds.</param>
/// <param name="AcceptingOverflow">Whether the office takes overflow tickets now.</param>
/// <param name="OfficeOpen">Whether the office is open now.</param>
public sealed record CapacityReport(
    int? OperatorsOnline,
    int? QueueLength,
    int? AverageHandlingSeconds,
    bool? AcceptingOverflow,
    bool? OfficeOpen);
