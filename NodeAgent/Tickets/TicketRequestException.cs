namespace LineaHub.NodeAgent.Tickets;

/// <summary>A ticket request the agent refuses before anything is stored or sent.</summary>
public sealed class TicketRequestException(IReadOnlyDictionary<string, string[]> errors, bool unknownCodes)
    : Exception(string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>True when the shape is right but taxonomy codes are unknown (422 rather than 400).</summary>
    public bool UnknownCodes { get; } = unknownCodes;
}
