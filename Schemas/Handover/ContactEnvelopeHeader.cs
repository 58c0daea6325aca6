using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using LineaHub.Schemas.Auth;

namespace LineaHub.Schemas.Handover;

/// <summary>
/// The protected header of a contact envelope, readable without any key: enough for the hub to check
/// what an envelope is and for whom, never enough to open it.
/// </summary>
/// <param name="Kid">RFC 7638 thumbprint of the recipient's key.</param>
/// <param name="Cty">Content type of the plaintext, when the sender named one.</param>
/// <param name="Epk">The sender's ephemeral public key; not yet checked to be a P-256 point.</param>
/// <param name="Apu">Agreement PartyUInfo, base64url, when present.</param>
/// <param name="Apv">Agreement PartyVInfo, base64url, when present.</param>
public sealed record ContactEnvelopeHeader(
    string Alg,
    string Enc,
    string? Kid,
    string? Cty,
    PublicJwk? Epk,
    string? Apu = null,
    string? Apv = null)
{
    // Relaxed escaping keeps '+' in a content type readable; the header is never embedded in HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal byte[] ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("alg", Alg);
            writer.WriteString("enc", Enc);
            WriteIfPresent(writer, "cty", Cty);
            WriteIfPresent(writer, "kid", Kid);
            if (Epk is not null)
            {
                writer.WriteStartObject("epk");
                writer.WriteString("kty", Epk.Kty);
                writer.WriteString("crv", Epk.Crv);
                writer.WriteString("x", Epk.X);
                writer.WriteString("y", Epk.Y);
                writer.WriteEndObject();
            }

            WriteIfPresent(writer, "apu", Apu);
            WriteIfPresent(writer, "apv", Apv);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The header in <paramref name="json"/>, or null when it is not a JSON object with string
    /// <c>alg</c> and <c>enc</c>, repeats a member, or asks for what we never do (<c>crit</c>
    /// extensions, <c>zip</c> compression).
    /// </summary>
    internal static ContactEnvelopeHeader? FromJson(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            if (Members(document.RootElement) is not { } members
                || members.ContainsKey("crit")
                || members.ContainsKey("zip")
                || !TryString(members, "alg", out var alg) || alg is null
                || !TryString(members, "enc", out var enc) || enc is null
                || !TryString(members, "kid", out var kid)
                || !TryString(members, "cty", out var cty)
                || !TryString(members, "apu", out var apu) || (apu is not null && !Base64UrlStrict.TryDecode(apu, out _))
                || !TryString(members, "apv", out var apv) || (apv is not null && !Base64UrlStrict.TryDecode(apv, out _))
                || !TryEpk(members, out var epk))
            {
                return null;
            }

            return new ContactEnvelopeHeader(alg, enc, kid, cty, epk, apu, apv);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryEpk(Dictionary<string, JsonElement> members, out PublicJwk? epk)
    {
        epk = null;
        if (!members.TryGetValue("epk", out var element))
        {
            return true;
        }

        if (Members(element) is not { } jwk
            || !TryString(jwk, "kty", out var kty)
            || !TryString(jwk, "crv", out var crv)
            || !TryString(jwk, "x", out var x)
            || !TryString(jwk, "y", out var y)
            || !TryString(jwk, "d", out var d))
        {
            return false;
        }

        epk = new PublicJwk(kty, crv, x, y, Use: null, Kid: null, Alg: null, D: d);
        return true;
    }

    // RFC 7515 §4 lets a parser refuse repeated members; we do, so that no two readers disagree.
    private static Dictionary<string, JsonElement>? Members(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            if (!members.TryAdd(member.Name, member.Value))
            {
                return null;
            }
        }

        return members;
    }

    private static bool TryString(Dictionary<string, JsonElement> members, string name, out string? value)
    {
        value = null;
        if (!members.TryGetValue(name, out var element))
        {
            return true;
        }

        value = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        return value is not null;
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
