using System.Diagnostics;
using LineaHub.Schemas.Tickets;

namespace LineaHub.Benchmarks.DispatchThroughput;

/// <summary>One offer as the client saw it.</summary>
/// <param name="Started">Stopwatch timestamp just before the request was sent, or (open loop) when it was due to be sent.</param>
/// <param name="Ended">Stopwatch timestamp once the whole response body was read.</param>
/// <param name="StatusCode">HTTP status, or 0 when the request failed without one.</param>
/// <param name="TicketStatus">The ticket's status in a 200 answer (<c>offered</c> when a receiver was chosen).</param>
/// <param name="OfferedTo">The receiver named in a 200 answer.</param>
/// <param name="Problem">The start of the answer of a failed offer, for the report.</param>
internal readonly record struct OfferSample(
    string Code, long Started, long Ended, int StatusCode, string? TicketStatus, Guid? OfferedTo, string? Problem)
{
    public bool Dispatched => StatusCode == 200 && TicketStatus == TicketStates.Offered && OfferedTo is not null;

    public TimeSpan Latency => Stopwatch.GetElapsedTime(Started, Ended);
}
