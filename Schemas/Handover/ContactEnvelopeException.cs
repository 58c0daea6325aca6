using System.Security.Cryptography;

namespace LineaHub.Schemas.Handover;

/// <summary>
/// A contact envelope that cannot be opened: malformed, not ECDH-ES with A256GCM, sealed for another key,
/// with an unusable ephemeral key, or altered. The message is in Italian, for people, and never
/// contains anything from the envelope.
/// </summary>
public sealed class ContactEnvelopeException(string message, Exception? innerException = null)
    : CryptographicException(message, innerException);
