using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using LineaHub.Schemas.Auth;
using LineaHub.Schemas.Handover;

namespace LineaHub.Schemas.Tests.Handover;

public sealed class CitizenContactTests : IDisposable
{
    private readonly ECDsa office = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private PublicJwk Recipient
    {
        get
        {
            var q = office.ExportParameters(includePrivateParameters: false).Q;
            return new PublicJwk("EC", PublicJwk.Curve, Base64Url.EncodeToString(q.X), Base64Url.EncodeToString(q.Y), PublicJwk.UseEncryption, null, null);
        }
    }

    public void Dispose() => office.Dispose();

    [Fact]
    public void Round_trips_through_an_envelope()
    {
        var contact = new CitizenContact("Niccolò D'Àvila", "+39 333 1234567", "n.davila@example.it", "mattina", "Sordo da un orecchio: parlare piano 🙂");

        Assert.Equal(contact, CitizenContact.OpenWith(contact.SealFor(Recipient), office.ExportParameters(true)));
    }

    [Fact]
    public void Sealed_json_is_camel_case_without_empty_fields_and_says_what_it_is()
    {
        var compact = new CitizenContact(Phone: "0612345678", PreferredTime: "pomeriggio").SealFor(Recipient);

        using var json = JsonDocument.Parse(ContactEnvelope.Open(compact, office.ExportParameters(true)));
        Assert.Equal(["phone", "preferredTime"], json.RootElement.EnumerateObject().Select(member => member.Name));
        Assert.Equal(CitizenContact.ContentType, ContactEnvelope.ReadHeader(compact)!.Cty);
    }

    [Fact]
    public void An_envelope_that_does_not_hold_a_contact_is_refused()
    {
        var compact = ContactEnvelope.Seal("non è JSON"u8, Recipient);

        Assert.Throws<ContactEnvelopeException>(() => CitizenContact.OpenWith(compact, office.ExportParameters(true)));
    }

    [Fact]
    public void A_phone_or_an_email_is_enough()
    {
        Assert.Empty(new CitizenContact(Phone: "3331234567").Problems());
        Assert.Empty(new CitizenContact(Email: "a@b.it").Problems());
    }

    [Fact]
    public void Without_phone_and_email_nobody_can_call_back()
    {
        var problems = new CitizenContact(Name: "Mario Rossi", Phone: " ").Problems();

        Assert.Equal(["email", "phone"], problems.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("mario.rossi")]
    [InlineData("@example.it")]
    [InlineData("mario@")]
    public void An_email_without_a_local_part_and_a_domain_is_refused(string email)
    {
        Assert.Equal(["email"], new CitizenContact(Phone: "3331234567", Email: email).Problems().Keys);
    }

    [Fact]
    public void Fields_have_a_maximum_length()
    {
        var longest = new string('a', CitizenContact.MaxFieldLength);
        var longestEmail = longest[..^"@example.it".Length] + "@example.it";
        Assert.Empty(new CitizenContact(longest, longest, longestEmail, longest, new string('n', CitizenContact.MaxNotesLength)).Problems());

        var problems = new CitizenContact(longest + "a", "3331234567", PreferredTime: longest + "a", Notes: new string('n', CitizenContact.MaxNotesLength + 1)).Problems();
        Assert.Equal(["name", "notes", "preferredTime"], problems.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Al massimo 1000 caratteri.", Assert.Single(problems["notes"]));
    }

    [Fact]
    public void To_string_shows_no_personal_data()
    {
        var text = new CitizenContact("Mario Rossi", "3331234567", "mario@example.it", "sera", "nota").ToString();

        Assert.DoesNotContain("Mario", text, StringComparison.Ordinal);
        Assert.DoesNotContain("333", text, StringComparison.Ordinal);
        Assert.DoesNotContain("@", text, StringComparison.Ordinal);
    }
}
