namespace LineaHub.Schemas.Nodes;

/// <summary>A one-time join code, shown once: the hub keeps only its hash.</summary>
/// <param name="Code">The code to hand to the office's IT staff.</param>
/// <param name="ExpiresAt">After this instant the code is refused.</param>
public sealed record JoinCodeResponse(string Code, DateTimeOffset ExpiresAt);
