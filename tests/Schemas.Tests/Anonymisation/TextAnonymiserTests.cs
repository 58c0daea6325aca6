using LineaHub.Schemas.Anonymisation;

namespace LineaHub.Schemas.Tests.Anonymisation;

public sealed class TextAnonymiserTests
{
    private static string Redact(string text) => TextAnonymiser.Anonymise(text).Text;

    [Fact]
    public void Fiscal_code_with_its_check_character_is_valid_and_a_wrong_one_is_not()
    {
        var g = new PiiGenerators(1);
        for (var i = 0; i < 200; i++)
        {
            var code = g.FiscalCode(i % 8);
            Assert.True(FiscalCode.IsValid(code), code);
            Assert.False(FiscalCode.IsValid(PiiGenerators.WrongCheck(code)), code);
        }
    }

    [Theory]
    [InlineData("RSSMRA85T10A562S")]
    [InlineData("rssmra85t10a562s")]
    [InlineData("RSS MRA 85T10 A562S")]
    [InlineData("RSSMRA85T10A56NH")]
    [InlineData("RSSMRAURTMLARSNL")]
    public void Fiscal_code_accepts_lower_case_spaces_and_omocodia(string code)
    {
        Assert.True(FiscalCode.IsValid(code));
        Assert.Equal($"CF: [CODICE_FISCALE].", Redact($"CF: {code}."));
    }

    [Theory]
    [InlineData("RSSMRA85T10A562T")]
    [InlineData("RSSMRA85Z10A562S")]
    [InlineData("RSSMRA85T10A562")]
    public void Fiscal_code_with_a_wrong_check_or_layout_is_rejected(string code) => Assert.False(FiscalCode.IsValid(code));

    [Fact]
    public void Vat_number_check_digit_is_verified()
    {
        var g = new PiiGenerators(2);
        for (var i = 0; i < 200; i++)
        {
            Assert.True(VatNumber.IsValid(g.VatNumber()));
            Assert.False(VatNumber.IsValid(g.InvalidVatNumber()));
        }
        Assert.Equal("P.IVA [PARTITA_IVA]", Redact("P.IVA 00743110157"));
    }

    [Theory]
    [InlineData("IT60X0542811101000000123456")]
    [InlineData("IT60 X054 2811 1010 0000 0123 456")]
    [InlineData("it60x0542811101000000123456")]
    [InlineData("DE89370400440532013000")]
    [InlineData("FR1420041010050500013M02606")]
    [InlineData("GB29NWBK60161331926819")]
    public void Iban_with_a_valid_mod_97_is_found(string iban)
    {
        Assert.True(Iban.IsValid(iban));
        Assert.Equal("IBAN [IBAN] per il rimborso", Redact($"IBAN {iban} per il rimborso"));
    }

    [Theory]
    [InlineData("IT61X0542811101000000123456")]
    [InlineData("IT60X054281110100000012345")]
    public void Iban_with_a_wrong_check_or_length_is_not(string iban)
    {
        Assert.False(Iban.IsValid(iban));
        Assert.DoesNotContain("[IBAN]", Redact($"IBAN {iban}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3331234567")]
    [InlineData("333 1234567")]
    [InlineData("333.123.4567")]
    [InlineData("333-123-4567")]
    [InlineData("+39 333 1234567")]
    [InlineData("0039 333 1234567")]
    [InlineData("06 12345678")]
    [InlineData("06/1234 5678")]
    [InlineData("011 1234567")]
    [InlineData("+39 02 1234 5678")]
    public void Phones_in_the_usual_formats_are_found(string phone) =>
        Assert.Equal("chiamatemi al [TELEFONO], grazie", Redact($"chiamatemi al {phone}, grazie"));

    [Theory]
    [InlineData("il numero verde 800 123 456 non risponde")]
    [InlineData("il centralino del comune 06 1234 5678 non risponde")]
    [InlineData("prot. n. 12345/2026")]
    [InlineData("codice ISTAT 058091")]
    [InlineData("importo € 1.234,56")]
    [InlineData("il 03/04/2026 alle 10")]
    [InlineData("ticket LA-7K3M-9QXA")]
    [InlineData("art. 3 comma 2")]
    public void Office_numbers_and_other_numbers_are_kept(string text) => Assert.Equal(text, Redact(text));

    [Theory]
    [InlineData("scrivere a mario.rossi@example.it oggi", "scrivere a [EMAIL] oggi")]
    [InlineData("PEC: ufficio.privato@pec.comune.it.", "PEC: [EMAIL].")]
    [InlineData("auto targata AB 123 CD in sosta", "auto targata [TARGA] in sosta")]
    [InlineData("carta d'identità n. CA12345AB scaduta", "carta d'identità n. [DOCUMENTO] scaduta")]
    [InlineData("passaporto YA1234567 smarrito", "passaporto [DOCUMENTO] smarrito")]
    [InlineData("nato il 12/03/1980 a Bari", "nato il [DATA_NASCITA] a Bari")]
    [InlineData("nata a Napoli il 3 maggio 1975", "nata a Napoli il [DATA_NASCITA]")]
    [InlineData("l'evento del 12 marzo 2026", "l'evento del 12 marzo 2026")]
    public void Context_types_are_found_only_with_their_context(string text, string expected) => Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("Ha chiamato Mario Rossi ieri", "Ha chiamato [NOME] ieri")]
    [InlineData("la sig.ra Rosa Bianco chiede", "la sig.ra [NOME] chiede")]
    [InlineData("parlo con Anna De Luca oggi", "parlo con [NOME] oggi")]
    [InlineData("parlo con Paolo Dell'Acqua oggi", "parlo con [NOME] oggi")]
    [InlineData("il cittadino Sigismondo Provetti segnala", "il cittadino [NOME] segnala")]
    [InlineData("la giornata è serena e il sole splende sul muro rosa", "la giornata è serena e il sole splende sul muro rosa")]
    [InlineData("buca in via Giuseppe Verdi davanti alla scuola Gianni Rodari", "buca in via Giuseppe Verdi davanti alla scuola Gianni Rodari")]
    [InlineData("La Giunta e Lo Stato", "La Giunta e Lo Stato")]
    public void Names_need_a_list_or_a_context(string text, string expected) => Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("residente in via delle Prove 12, chiedo", "residente in [INDIRIZZO], chiedo")]
    [InlineData("abito in piazza Campione n. 3 da anni", "abito in [INDIRIZZO] da anni")]
    [InlineData("buca in via Roma all'altezza del civico 10", "buca in via Roma all'altezza del civico 10")]
    [InlineData("lampione spento in piazza Garibaldi", "lampione spento in piazza Garibaldi")]
    public void A_persons_address_is_redacted_and_a_fault_location_is_kept(string text, string expected) => Assert.Equal(expected, Redact(text));

    [Fact]
    public void Findings_point_at_the_original_text_and_text_without_data_is_returned_as_is()
    {
        const string text = "Mario Rossi, tel. 3331234567";
        var result = TextAnonymiser.Anonymise(text);
        Assert.Equal("[NOME], tel. [TELEFONO]", result.Text);
        Assert.Equal([new PiiFinding(PiiLabel.Name, 0, 11), new PiiFinding(PiiLabel.Phone, 18, 10)], result.Findings);
        const string clean = "Nessun dato personale qui.";
        Assert.Same(clean, TextAnonymiser.Anonymise(clean).Text);
    }
}
