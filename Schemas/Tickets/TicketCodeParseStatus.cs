namespace LineaHub.Schemas.Tickets;

/// <summary>What <see cref="TicketCode.Parse"/> made of an input.</summary>
public enum TicketCodeParseStatus
{
    /// <summary>A well-formed code whose check character matches.</summary>
    Valid,

    /// <summary>Not a code at all: empty, wrong length or prefix, or a symbol that codes never use.</summary>
    Malformed,

    /// <summary>Shaped like a code, but the check character does not match: a typo or a swap.</summary>
    Mistyped,
}
