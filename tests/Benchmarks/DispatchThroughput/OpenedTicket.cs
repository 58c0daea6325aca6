namespace LineaHub.Benchmarks.DispatchThroughput;

/// <summary>A ticket waiting to be offered, with the office that opened (and holds) it.</summary>
internal sealed record OpenedTicket(string Code, Office Origin);
