using System.Text.RegularExpressions;
using LineaHub.Schemas.Taxonomy;

namespace LineaHub.Schemas.Tests.Taxonomy;

public sealed partial class TaxonomyCatalogTests
{
    private static readonly LineaHub.Schemas.Taxonomy.Taxonomy Current = TaxonomyCatalog.Current;

    [Fact]
    public void Every_code_is_unique_lower_case_and_labelled()
    {
        var codes = Current.CategoryCodes.Concat(Current.Channels.Select(c => c.Code))
            .Concat(Current.RequestTypes.Select(c => c.Code)).Concat(Current.Outcomes.Select(c => c.Code)).ToList();

        Assert.All(codes, code => Assert.Matches(CodePattern(), code));
        Assert.Equal(Current.CategoryCodes.Count(), Current.CategoryCodes.Distinct().Count());
        Assert.All(Current.Categories.SelectMany(c => c.Subcategories.Prepend(c)), c => Assert.False(string.IsNullOrWhiteSpace(c.Label)));
    }

    [Fact]
    public void Subcategory_codes_extend_their_parent_code()
    {
        foreach (var parent in Current.Categories)
        {
            Assert.NotEmpty(parent.Subcategories);
            Assert.All(parent.Subcategories, child => Assert.StartsWith(parent.Code + ".", child.Code, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("anagrafe")]
    [InlineData("stato-civile")]
    [InlineData("tributi")]
    [InlineData("ambiente-rifiuti")]
    [InlineData("viabilita-trasporti")]
    [InlineData("lavori-pubblici")]
    [InlineData("scuola")]
    [InlineData("servizi-sociali")]
    [InlineData("edilizia-urbanistica")]
    [InlineData("attivita-produttive")]
    [InlineData("polizia-locale")]
    [InlineData("protezione-civile")]
    [InlineData("sanita")]
    [InlineData("previdenza-lavoro")]
    [InlineData("fisco")]
    [InlineData("elettorale")]
    [InlineData("cultura-turismo")]
    public void The_categories_the_network_agreed_on_exist(string code) => Assert.True(Current.IsCategory(code));

    [Fact]
    public void Channels_request_types_and_outcomes_are_the_agreed_ones()
    {
        Assert.Equal(["telefono", "email", "pec", "web", "app", "sportello"], Current.Channels.Select(c => c.Code));
        Assert.Equal(["informazione", "segnalazione", "reclamo", "suggerimento", "elogio"], Current.RequestTypes.Select(c => c.Code));
        Assert.True(Current.IsOutcome("risolto"));
    }

    [Fact]
    public void Unknown_codes_are_not_recognised()
    {
        Assert.False(Current.IsCategory("astrologia"));
        Assert.False(Current.IsCategory("tributi."));
        Assert.False(Current.IsChannel("piccione"));
        Assert.False(Current.IsRequestType("Informazione"));
    }

    [Fact]
    public void A_competence_covers_its_own_subcategories_only()
    {
        Assert.True(LineaHub.Schemas.Taxonomy.Taxonomy.Covers("tributi", "tributi.tari"));
        Assert.True(LineaHub.Schemas.Taxonomy.Taxonomy.Covers("tributi.tari", "tributi.tari"));
        Assert.False(LineaHub.Schemas.Taxonomy.Taxonomy.Covers("tributi.tari", "tributi"));
        Assert.False(LineaHub.Schemas.Taxonomy.Taxonomy.Covers("tributi", "tributiextra.x"));
    }

    [Fact]
    public void Versions_are_found_by_label()
    {
        Assert.Same(Current, TaxonomyCatalog.Find(Current.Version));
        Assert.Null(TaxonomyCatalog.Find("1999.1"));
    }

    [GeneratedRegex("^[a-z0-9-]+(\\.[a-z0-9-]+)?$")]
    private static partial Regex CodePattern();
}
