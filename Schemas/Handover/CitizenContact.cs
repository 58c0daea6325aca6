using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using LineaHub.Schemas.Auth;

namespace LineaHub.Schemas.Handover;

/// <summary>
/// How a citizen asked to be called back, handed from one office to another only inside a
/// <see cref="ContactEnvelope"/>. Personal data: it never appears in logs, not even through
/// <see cref="ToString"/>.
/// </summary>
/// <param name="PreferredTime">Free text, e.g. "mattina" or "dopo le 17".</param>
public sealed record CitizenContact(
    string? Name = null,
    string? Phone = null,
    string? Email = null,
    string? PreferredTime = null,
    string? Notes = null)
{
    /// <summary>The <c>cty</c> of a sealed contact: <c>application/vnd.lineahub.contact+json</c>, without the prefix as RFC 7515 §4.1.10 recommends.</summary>
    public const string ContentType = "vnd.lineahub.contact+json";

    /// <summary>Longest value of every field but <see cref="Notes"/>, in characters.</summary>
    public const int MaxFieldLength = 200;

    /// <summary>Longest <see cref="Notes"/>, in characters.</summary>
    public const int MaxNotesLength = 1000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>This contact as JSON, sealed for <paramref name="recipient"/> (see <see cref="ContactEnvelope.Seal"/>).</summary>
    public string SealFor(PublicJwk recipient)
    {
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(this, Json);
        try
        {
            return ContactEnvelope.Seal(plaintext, recipient, ContentType);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>The contact sealed in <paramref name="compact"/> (see <see cref="ContactEnvelope.Open"/>).</summary>
    /// <exception cref="ContactEnvelopeException">The envelope cannot be opened or does not hold a contact.</exception>
    public static CitizenContact OpenWith(string compact, ECParameters recipientPrivate)
    {
        var plaintext = ContactEnvelope.Open(compact, recipientPrivate);
        try
        {
            return JsonSerializer.Deserialize<CitizenContact>(plaintext, Json) ?? throw NotAContact(null);
        }
        catch (JsonException e)
        {
            throw NotAContact(e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Per-field problems (Italian), keyed by JSON name; empty when the contact is acceptable.</summary>
    public IReadOnlyDictionary<string, string[]> Problems()
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Email))
        {
            const string callBack = "Serve almeno un telefono o un'email per richiamare il cittadino.";
            Add(problems, "phone", callBack);
            Add(problems, "email", callBack);
        }

        if (!string.IsNullOrWhiteSpace(Email) && !HasAddressShape(Email))
        {
            Add(problems, "email", "L'indirizzo email non è valido.");
        }

        TooLong(problems, "name", Name, MaxFieldLength);
        TooLong(problems, "phone", Phone, MaxFieldLength);
        TooLong(problems, "email", Email, MaxFieldLength);
        TooLong(problems, "preferredTime", PreferredTime, MaxFieldLength);
        TooLong(problems, "notes", Notes, MaxNotesLength);
        return problems;
    }

    /// <summary>No personal data: the compiler-generated form would print every field.</summary>
    public override string ToString() => $"{nameof(CitizenContact)} {{ personal data omitted }}";

    // Deliberately loose: the office calls back, a typo is cheaper to fix on the phone than to argue with a regex.
    private static bool HasAddressShape(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < email.Length - 1;
    }

    private static void TooLong(Dictionary<string, string[]> problems, string field, string? value, int max)
    {
        if (value is { Length: var length } && length > max)
        {
            Add(problems, field, $"Al massimo {max} caratteri.");
        }
    }

    private static void Add(Dictionary<string, string[]> problems, string field, string problem) =>
        problems[field] = problems.TryGetValue(field, out var existing) ? [.. existing, problem] : [problem];

    private static ContactEnvelopeException NotAContact(Exception? inner) =>
        new("Il contenuto dell'involucro non è un contatto valido.", inner);
}
