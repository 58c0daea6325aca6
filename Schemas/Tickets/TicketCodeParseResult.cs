namespace LineaHub.Schemas.Tickets;

/// <summary>
/// The outcome of <see cref="TicketCode.Parse"/>. The hub answers 400 to both failures, with
/// <see cref="Reason"/> as detail, so that a caller can tell "not a code" from "looks mistyped".
/// </summary>
public sealed record TicketCodeParseResult
{
    private TicketCodeParseResult(TicketCodeParseStatus status, TicketCode? code, string? canonical, string? reason)
    {
        Status = status;
        Code = code;
        Canonical = canonical;
        Reason = reason;
    }

    /// <summary>Valid, malformed or mistyped.</summary>
    public TicketCodeParseStatus Status { get; }

    /// <summary>The code when <see cref="Status"/> is <see cref="TicketCodeParseStatus.Valid"/>; otherwise null.</summary>
    public TicketCode? Code { get; }

    /// <summary>
    /// What was typed, in the canonical form <c>LA-XXXX-XXXX</c>, when it is well formed (valid or
    /// mistyped), so that an answer can quote it back; null when malformed.
    /// </summary>
    public string? Canonical { get; }

    /// <summary>Why the input was refused, in Italian, for people; null when valid.</summary>
    public string? Reason { get; }

    internal static TicketCodeParseResult Valid(TicketCode code) =>
        new(TicketCodeParseStatus.Valid, code, code.Value, null);

    internal static TicketCodeParseResult Malformed(string reason) =>
        new(TicketCodeParseStatus.Malformed, null, null, reason);

    internal static TicketCodeParseResult Mistyped(string canonical, string reason) =>
        new(TicketCodeParseStatus.Mistyped, null, canonical, reason);
}
