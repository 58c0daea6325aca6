namespace LineaHub.Schemas.Overflow;

/// <summary>The agent has recorded every message up to and including <see cref="UpTo"/>: the hub may forget them.</summary>
public sealed record InboxAckRequest(long? UpTo);
