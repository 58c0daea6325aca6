using LineaHub.Schemas.Faq;

namespace LineaHub.Schemas.Tests.Faq;

public sealed class FaqSearchLogRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    private static FaqSearchLogEntry Valid() => new(Guid.NewGuid(), "scadenza TARI", "tributi.tari", 3, Now.AddMinutes(-1));

    [Fact]
    public void A_clean_search_passes() => Assert.Empty(FaqSearchLogRules.Validate(Valid(), Now, Skew));

    [Fact]
    public void Personal_data_is_refused_by_kind_without_quoting_it()
    {
        var error = Assert.Single(FaqSearchLogRules.Validate(Valid() with { Query = "TARI di RSSMRA80A01H501U" }, Now, Skew));

        Assert.Equal(("query", "personal_data"), (error.Field, error.Code));
        Assert.Contains("[CODICE_FISCALE]", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("RSSMRA80A01H501U", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_time_within_the_skew_passes_and_one_beyond_it_is_refused()
    {
        Assert.Empty(FaqSearchLogRules.Validate(Valid() with { At = Now + Skew }, Now, Skew));
        var error = Assert.Single(FaqSearchLogRules.Validate(Valid() with { At = Now + Skew + TimeSpan.FromSeconds(1) }, Now, Skew));
        Assert.Equal(("at", "invalid"), (error.Field, error.Code));
    }

    [Fact]
    public void Every_fault_is_named_by_its_field()
    {
        var errors = FaqSearchLogRules.Validate(new FaqSearchLogEntry(Guid.Empty, " ", "astrologia", -1, default), Now, Skew);

        Assert.Equal(["at", "categoryCode", "query", "searchId", "totalHits"], errors.Select(e => e.Field).Order());
    }
}
