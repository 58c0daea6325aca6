using LineaHub.Schemas.Tickets;

namespace LineaHub.Schemas.Tests.Tickets;

public sealed class TicketRulesPersonalDataTests
{
    private static OpenTicketRequest Open(string summary) =>
        new("tributi.tari", "telefono", "informazione", summary, DateTimeOffset.UtcNow.AddDays(2));

    [Theory]
    [InlineData("Il cittadino RSSMRA80A01H501U chiede della TARI", "[CODICE_FISCALE]")]
    [InlineData("Richiamare al 333 123 4567 per la TARI", "[TELEFONO]")]
    [InlineData("Scrive da mario.rossi@example.invalid sulla TARI", "[EMAIL]")]
    public void A_summary_with_personal_data_is_refused_naming_the_kind_not_the_data(string summary, string kind)
    {
        var (invalid, _) = TicketRules.Check(Open(summary), DateTimeOffset.UtcNow, 365);

        var message = Assert.Single(invalid["summary"]);
        Assert.Contains(kind, message, StringComparison.Ordinal);
        Assert.DoesNotContain("RSSMRA", message, StringComparison.Ordinal);
        Assert.DoesNotContain("4567", message, StringComparison.Ordinal);
        Assert.DoesNotContain("example.invalid", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_anonymised_summary_and_a_public_fault_location_pass()
    {
        var (invalid, unknown) = TicketRules.Check(Open("Buca in via Roma all'altezza del civico 10; il cittadino [NOME] chiede quando sarà riparata"), DateTimeOffset.UtcNow, 365);

        Assert.Empty(invalid);
        Assert.Empty(unknown);
    }

    [Fact]
    public void A_reason_with_personal_data_is_refused()
    {
        var invalid = TicketRules.Check(new TicketEventRequest("cancel", "Il cittadino RSSMRA80A01H501U ha rinunciato", null));

        Assert.Contains("[CODICE_FISCALE]", Assert.Single(invalid["reason"]), StringComparison.Ordinal);
    }
}
