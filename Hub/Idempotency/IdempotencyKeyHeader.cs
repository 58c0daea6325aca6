using LineaHub.Hub.Errors;
using Microsoft.Extensions.Primitives;

namespace LineaHub.Hub.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> request header (draft-ietf-httpapi-idempotency-key-header). The draft makes it
/// a structured-field string, <c>"…"</c>; agents send the bare value. Both name the same key.
/// </summary>
public static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";

    /// <summary>Set on a response that is a replay of the stored answer, not a new execution.</summary>
    public const string ReplayedName = "Idempotency-Replayed";

    public const int MaxLength = 255;

    /// <summary>The key, or null when the request has none; a malformed key is refused with 400.</summary>
    public static string? Parse(StringValues values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var key = values.Count == 1 ? values[0]!.Trim() : null;
        if (key is { Length: >= 2 } && key[0] == '"' && key[^1] == '"')
        {
            key = key[1..^1];
        }

        if (key is null || key.Length is 0 or > MaxLength || key.Any(c => c is <= ' ' or > '~'))
        {
            throw RequestValidationException.Invalid(Name,
                $"Una sola chiave di 1-{MaxLength} caratteri ASCII stampabili senza spazi, eventualmente tra virgolette (es. un GUID).");
        }

        return key;
    }
}
