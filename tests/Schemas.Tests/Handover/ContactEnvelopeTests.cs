using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LineaHub.Schemas.Auth;
using LineaHub.Schemas.Handover;

namespace LineaHub.Schemas.Tests.Handover;

public sealed class ContactEnvelopeTests : IDisposable
{
    private const string Malformed = "L'involucro non è un JWE compatto valido.";
    private const string NotAllowed = "Cifratura non ammessa: serve ECDH-ES con A256GCM.";
    private const string ForeignKey = "L'involucro è cifrato per un'altra chiave.";
    private const string BadEphemeralKey = "La chiave effimera (epk) non è una chiave pubblica P-256 valida.";

    private readonly ECDsa office = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa otherOffice = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private PublicJwk Recipient => Jwk(office);

    private ECParameters RecipientPrivate => office.ExportParameters(includePrivateParameters: true);

    public void Dispose()
    {
        office.Dispose();
        otherOffice.Dispose();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(1000)]
    [InlineData(10 * 1024)]
    public void Round_trips_a_payload(int length)
    {
        var plaintext = RandomNumberGenerator.GetBytes(length);

        Assert.Equal(plaintext, ContactEnvelope.Open(ContactEnvelope.Seal(plaintext, Recipient), RecipientPrivate));
    }

    [Fact]
    public void Round_trips_many_random_payloads()
    {
        for (var i = 0; i < 200; i++)
        {
            var plaintext = RandomNumberGenerator.GetBytes(RandomNumberGenerator.GetInt32(0, 2048));

            Assert.Equal(plaintext, ContactEnvelope.Open(ContactEnvelope.Seal(plaintext, Recipient), RecipientPrivate));
        }
    }

    [Fact]
    public void Compact_form_has_five_parts_an_empty_encrypted_key_and_the_specified_header()
    {
        var parts = ContactEnvelope.Seal("ciao"u8, Recipient, "vnd.example+json").Split('.');

        Assert.Equal(5, parts.Length);
        Assert.Empty(parts[1]);
        Assert.Equal(12, Base64Url.DecodeFromChars(parts[2]).Length);
        Assert.Equal(4, Base64Url.DecodeFromChars(parts[3]).Length);
        Assert.Equal(16, Base64Url.DecodeFromChars(parts[4]).Length);

        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        var root = header.RootElement;
        Assert.Equal("ECDH-ES", root.GetProperty("alg").GetString());
        Assert.Equal("A256GCM", root.GetProperty("enc").GetString());
        Assert.Equal("vnd.example+json", root.GetProperty("cty").GetString());
        Assert.Equal(Recipient.Thumbprint(), root.GetProperty("kid").GetString());
        var epk = root.GetProperty("epk");
        Assert.Equal(["kty", "crv", "x", "y"], epk.EnumerateObject().Select(member => member.Name));
        Assert.Equal("EC", epk.GetProperty("kty").GetString());
        Assert.Equal("P-256", epk.GetProperty("crv").GetString());
        Assert.Null(new PublicJwk("EC", "P-256", epk.GetProperty("x").GetString(), epk.GetProperty("y").GetString(), null, null, null)
            .Problem(PublicJwk.UseEncryption));
        Assert.False(root.TryGetProperty("apu", out _));
        Assert.False(root.TryGetProperty("zip", out _));
    }

    [Fact]
    public void Each_seal_uses_a_fresh_ephemeral_key_and_iv()
    {
        var first = ContactEnvelope.Seal("stesso contenuto"u8, Recipient).Split('.');
        var second = ContactEnvelope.Seal("stesso contenuto"u8, Recipient).Split('.');

        Assert.NotEqual(ContactEnvelope.ReadHeader(string.Join('.', first))!.Epk, ContactEnvelope.ReadHeader(string.Join('.', second))!.Epk);
        Assert.NotEqual(first[2], second[2]);
        Assert.NotEqual(first[3], second[3]);
    }

    [Fact]
    public void Another_key_cannot_open_it()
    {
        var compact = ContactEnvelope.Seal("riservato"u8, Recipient);

        var refused = Assert.Throws<ContactEnvelopeException>(() => ContactEnvelope.Open(compact, otherOffice.ExportParameters(true)));
        Assert.Equal(ForeignKey, refused.Message);
    }

    [Fact]
    public void Another_key_cannot_open_it_even_with_its_kid_written_in()
    {
        var forged = Reheader(ContactEnvelope.Seal("riservato"u8, Recipient), header => header["kid"] = Jwk(otherOffice).Thumbprint());

        Assert.Throws<ContactEnvelopeException>(() => ContactEnvelope.Open(forged, otherOffice.ExportParameters(true)));
    }

    [Fact]
    public void Any_single_changed_character_is_refused()
    {
        var compact = ContactEnvelope.Seal("Telefono 333 1234567"u8, Recipient);

        for (var i = 0; i < compact.Length; i++)
        {
            var changed = string.Concat(compact.AsSpan(0, i), compact[i] == 'A' ? "B" : "A", compact.AsSpan(i + 1));

            Assert.Throws<ContactEnvelopeException>(() => ContactEnvelope.Open(changed, RecipientPrivate));
        }
    }

    [Fact]
    public void Padding_and_whitespace_that_a_lenient_decoder_would_skip_are_refused()
    {
        var parts = ContactEnvelope.Seal("x"u8, Recipient).Split('.');
        string[] variants =
        [
            string.Join('.', parts[0], "", parts[2], parts[3], parts[4] + "=="),
            string.Join('.', parts[0], "", " " + parts[2], parts[3], parts[4]),
            string.Join('.', parts[0], "", parts[2][..8] + "\n" + parts[2][8..], parts[3], parts[4]),
        ];

        foreach (var variant in variants)
        {
            Assert.Equal(Malformed, Assert.Throws<ContactEnvelopeException>(() => ContactEnvelope.Open(variant, RecipientPrivate)).Message);
        }
    }

    [Fact]
    public void Every_truncation_is_refused()
    {
        var compact = ContactEnvelope.Seal("Mario, chiamare di mattina"u8, Recipient);

        for (var length = 0; length < compact.Length; length++)
        {
            Assert.Throws<ContactEnvelopeException>(() => ContactEnvelope.Open(compact[..length], RecipientPrivate));
        }
    }

    [Theory]
    [InlineData("alg", "ECDH-ES+A256KW")]
    [InlineData("alg", "dir")]
    [InlineData("enc", "A128CBC-HS256")]
    [InlineData("enc", "A128GCM")]
    public void Other_algorithms_are_refused(string member, string value)
    {
        var compact = Reheader(ContactEnvelope.Seal("x"u8, Recipient), header => header[member] = value);

        Assert.Equal(NotAllowed, Assert.Throws<ContactEnvelopeException>(() => ContactEnvelope.Open(compact, RecipientPrivate)).Message);
        Assert.Equal(NotAllowed, ContactEnvelope.Problem(compact, Recipient.Thumbprint()));
    }

    [Fact]
    public void An_encrypted_key_is_refused_since_the_agreement_is_direct()
    {
        var parts = ContactEnvelope.Seal("x"u8, Recipient).Split('.');
        parts[1] = "AAAA";

        Assert.Equal(Malformed, Assert.Throws<ContactEnvelopeException>(() => ContactEnvelope.Open(string.Join('.', parts), RecipientPrivate)).Message);
    }

    [Fact]
    public void An_ephemeral_key_off_the_curve_is_refused()
    {
        var compact = Reheader(ContactEnvelope.Seal("x"u8, Recipient), header =>
        {
            var y = Base64Url.DecodeFromChars(header["epk"]!["y"]!.GetValue<string>());
            y[^1] ^= 1;
            header["epk"]!["y"] = Base64Url.EncodeToString(y);
        });

        Assert.Equal(BadEphemeralKey, Assert.Throws<ContactEnvelopeException>(() => ContactEnvelope.Open(compact, RecipientPrivate)).Message);
        Assert.Equal(BadEphemeralKey, ContactEnvelope.Problem(compact, Recipient.Thumbprint()));
    }

    [Theory]
    [InlineData("crv", "P-384")]
    [InlineData("kty", "OKP")]
    [InlineData("x", "c2hvcnQ")]
    [InlineData("x", "gI0GAILBdu7T53akrFmMyGcsF3n5dO7MmwNBHKW5SV1")]
    [InlineData("x", "gI0GAILBdu7T53akrFmMyGcsF3n5dO7MmwNBHKW5SV+")]
    [InlineData("d", "0_NxaRPUMQoAJt50Gz8YiTr8gRTwyEaCumd-MToTmIo")]
    public void An_ephemeral_key_of_the_wrong_shape_is_refused(string member, string value)
    {
        var compact = Reheader(ContactEnvelope.Seal("x"u8, Recipient), header => header["epk"]![member] = value);

        Assert.Equal(BadEphemeralKey, Assert.Throws<ContactEnvelopeException>(() => ContactEnvelope.Open(compact, RecipientPrivate)).Message);
    }

    [Theory]
    [InlineData("{\"alg\":\"ECDH-ES\",\"alg\":\"dir\",\"enc\":\"A256GCM\"}")]
    [InlineData("{\"alg\":\"ECDH-ES\",\"enc\":\"A256GCM\",\"zip\":\"DEF\"}")]
    [InlineData("{\"alg\":\"ECDH-ES\",\"enc\":\"A256GCM\",\"crit\":[\"exp\"],\"exp\":1}")]
    [InlineData("{\"alg\":\"ECDH-ES\"}")]
    [InlineData("{\"alg\":1,\"enc\":\"A256GCM\"}")]
    [InlineData("[\"ECDH-ES\",\"A256GCM\"]")]
    [InlineData("{\"alg\":\"ECDH-ES\",\"enc\":\"A256GCM\",\"apu\":\"not base64url!\"}")]
    public void Headers_we_cannot_read_unambiguously_are_malformed(string json)
    {
        var parts = ContactEnvelope.Seal("x"u8, Recipient).Split('.');
        parts[0] = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
        var compact = string.Join('.', parts);

        Assert.Null(ContactEnvelope.ReadHeader(compact));
        Assert.Equal(Malformed, ContactEnvelope.Problem(compact, Recipient.Thumbprint()));
        Assert.Equal(Malformed, Assert.Throws<ContactEnvelopeException>(() => ContactEnvelope.Open(compact, RecipientPrivate)).Message);
    }

    [Fact]
    public void Agreement_info_in_the_header_is_used_for_the_key()
    {
        // apu/apv are not produced by Seal, but an envelope that carries them must derive its key with them:
        // adding them to a sealed envelope therefore breaks the tag rather than being ignored.
        var compact = Reheader(ContactEnvelope.Seal("x"u8, Recipient), header => header["apu"] = "QWxpY2U");

        Assert.NotNull(ContactEnvelope.ReadHeader(compact)!.Apu);
        Assert.Throws<ContactEnvelopeException>(() => ContactEnvelope.Open(compact, RecipientPrivate));
    }

    [Fact]
    public void Read_header_and_problem_accept_a_valid_envelope_for_the_expected_key()
    {
        var compact = ContactEnvelope.Seal("x"u8, Recipient, CitizenContact.ContentType);

        var header = ContactEnvelope.ReadHeader(compact);
        Assert.NotNull(header);
        Assert.Equal(("ECDH-ES", "A256GCM", Recipient.Thumbprint(), CitizenContact.ContentType), (header.Alg, header.Enc, header.Kid, header.Cty));
        Assert.Null(ContactEnvelope.Problem(compact, Recipient.Thumbprint()));
    }

    [Fact]
    public void Problem_names_an_envelope_for_another_key()
    {
        var compact = ContactEnvelope.Seal("x"u8, Jwk(otherOffice));

        Assert.Equal(ForeignKey, ContactEnvelope.Problem(compact, Recipient.Thumbprint()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("....")]
    [InlineData("non è un JWE")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.e30.c2ln")]
    [InlineData("eyJhbGciOiJFQ0RILUVTIiwiZW5jIjoiQTI1NkdDTSJ9....")]
    public void Read_header_and_problem_refuse_garbage(string? compact)
    {
        Assert.Null(ContactEnvelope.ReadHeader(compact));
        Assert.Equal(Malformed, ContactEnvelope.Problem(compact, Recipient.Thumbprint()));
    }

    [Fact]
    public void Envelopes_over_16_KiB_are_refused_and_never_produced()
    {
        var compact = ContactEnvelope.Seal(new byte[10 * 1024], Recipient);
        var parts = compact.Split('.');
        var oversize = string.Join('.', parts[0], parts[1], parts[2], parts[3] + new string('A', ContactEnvelope.MaxLength - compact.Length + 4), parts[4]);

        Assert.Null(ContactEnvelope.Problem(compact, Recipient.Thumbprint()));
        Assert.Null(ContactEnvelope.ReadHeader(oversize));
        Assert.Equal("L'involucro supera la dimensione massima di 16 KiB.", ContactEnvelope.Problem(oversize, Recipient.Thumbprint()));
        Assert.Throws<ContactEnvelopeException>(() => ContactEnvelope.Open(oversize, RecipientPrivate));
        Assert.Throws<ArgumentException>(() => ContactEnvelope.Seal(new byte[12 * 1024], Recipient));
    }

    [Fact]
    public void Seal_refuses_keys_that_are_not_public_p256_encryption_keys()
    {
        var y = Base64Url.DecodeFromChars(Recipient.Y);
        y[0] ^= 1;

        Assert.Throws<ArgumentException>(() => ContactEnvelope.Seal("x"u8, Recipient with { Use = PublicJwk.UseSignature }));
        Assert.Throws<ArgumentException>(() => ContactEnvelope.Seal("x"u8, Recipient with { D = "AAAA" }));
        Assert.Throws<ArgumentException>(() => ContactEnvelope.Seal("x"u8, Recipient with { Crv = "P-384" }));
        Assert.Throws<ArgumentException>(() => ContactEnvelope.Seal("x"u8, Recipient with { Y = Base64Url.EncodeToString(y) }));
        Assert.Throws<ArgumentException>(() => ContactEnvelope.Seal("x"u8, Recipient with { X = Recipient.X![..42] + "B" }));
        Assert.Throws<ArgumentException>(() => ContactEnvelope.Seal("x"u8, Recipient with { X = Recipient.X![..42] + "+" }));
    }

    [Fact]
    public void Open_needs_the_private_half()
    {
        var compact = ContactEnvelope.Seal("x"u8, Recipient);

        Assert.Throws<ArgumentException>(() => ContactEnvelope.Open(compact, office.ExportParameters(includePrivateParameters: false)));
    }

    private static PublicJwk Jwk(ECDsa key)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        return new PublicJwk("EC", PublicJwk.Curve, Base64Url.EncodeToString(parameters.Q.X), Base64Url.EncodeToString(parameters.Q.Y), PublicJwk.UseEncryption, null, "ECDH-ES");
    }

    private static string Reheader(string compact, Action<JsonObject> change)
    {
        var parts = compact.Split('.');
        var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!.AsObject();
        change(header);
        parts[0] = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header.ToJsonString()));
        return string.Join('.', parts);
    }
}
