namespace LineaHub.Schemas.Overflow;

/// <summary>
/// The origin uploads the citizen's contact data for the office now receiving its ticket, sealed for that
/// office's encryption key: the hub keeps only this ciphertext and deletes it when the ticket closes, is
/// cancelled or leaves that office.
/// </summary>
/// <param name="ReceiverNodeId">The office it is sealed for; must still be the one offered or holding the ticket.</param>
/// <param name="Envelope">Compact JWE, ECDH-ES with A256GCM, <c>kid</c> = the receiver's encryption key thumbprint.</param>
public sealed record ContactUploadRequest(Guid? ReceiverNodeId, string? Envelope);
