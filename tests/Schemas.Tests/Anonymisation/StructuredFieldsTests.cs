using System.Text;
using LineaHub.Schemas.Anonymisation;

namespace LineaHub.Schemas.Tests.Anonymisation;

public sealed class StructuredFieldsTests
{
    private static readonly byte[] Secret = Encoding.ASCII.GetBytes("a synthetic node secret, 32+ bytes long");
    private static readonly byte[] OtherSecret = Encoding.ASCII.GetBytes("another synthetic node secret, 32+ bytes");

    [Fact]
    public void A_pseudonym_is_stable_for_one_citizen_at_one_node_and_ignores_case_and_spacing()
    {
        var pseudonym = CitizenPseudonym.Create("RSSMRA80A01H501U", Secret);

        Assert.Equal(CitizenPseudonym.Length, pseudonym.Length);
        Assert.Equal(pseudonym, CitizenPseudonym.Create(" rss mra 80a01 h501u ", Secret));
        Assert.DoesNotContain("RSSMRA", pseudonym, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Different_citizens_or_nodes_give_different_pseudonyms()
    {
        var pseudonyms = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 5_000; i++)
        {
            Assert.True(pseudonyms.Add(CitizenPseudonym.Create($"+39 333 000 {i:D4}", Secret)));
        }

        Assert.NotEqual(CitizenPseudonym.Create("RSSMRA80A01H501U", Secret), CitizenPseudonym.Create("RSSMRA80A01H501U", OtherSecret));
        Assert.NotEqual(CitizenPseudonym.Create("a.b@example.invalid", Secret), CitizenPseudonym.Create("ab@example.invalid", Secret));
    }

    [Fact]
    public void A_short_secret_or_an_empty_identifier_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CitizenPseudonym.Create("RSSMRA80A01H501U", new byte[31]));
        Assert.Throws<ArgumentException>(() => CitizenPseudonym.Create(" - ", Secret));
        Assert.Equal(CitizenPseudonym.MinimumSecretBytes, CitizenPseudonym.NewSecret().Length);
    }

    [Fact]
    public void Points_in_one_cell_share_it_and_cells_are_about_500_metres()
    {
        // L'Aquila, around 42.35 N: 0.001° of latitude is 111 m, 0.001° of longitude about 82 m.
        const double Latitude = 42.3501;
        const double Longitude = 13.3901;
        var here = CoarseArea.Of("066049", Latitude, Longitude);

        Assert.Equal("066049", here.IstatCode);
        Assert.Equal(here, CoarseArea.Of("066049", Latitude + 0.0001, Longitude + 0.0001));
        Assert.NotEqual(here.Cell, CoarseArea.Of("066049", Latitude + 0.0090, Longitude).Cell);
        Assert.NotEqual(here.Cell, CoarseArea.Of("066049", Latitude, Longitude + 0.0125).Cell);

        // Walking north 10 km crosses about 20 rows; walking east 10 km about 20 columns.
        var rows = Distinct(Enumerable.Range(0, 1000).Select(i => CoarseArea.Of("066049", Latitude + (i * 0.0000898), Longitude)));
        var columns = Distinct(Enumerable.Range(0, 1000).Select(i => CoarseArea.Of("066049", Latitude, Longitude + (i * 0.0001216))));
        Assert.InRange(rows, 19, 21);
        Assert.InRange(columns, 19, 21);
    }

    [Fact]
    public void Without_coordinates_the_area_is_the_municipality_and_bad_input_is_refused()
    {
        Assert.Null(CoarseArea.Of("066049").Cell);
        Assert.Throws<ArgumentException>(() => CoarseArea.Of("66049"));
        Assert.Throws<ArgumentException>(() => CoarseArea.Of("06604A"));
        Assert.Throws<ArgumentException>(() => CoarseArea.Of("066049", 91, 13));
        Assert.Throws<ArgumentException>(() => CoarseArea.Of("066049", 42, double.NaN));
    }

    [Fact]
    public void Archive_times_are_truncated_to_the_hour_in_utc()
    {
        var rome = new DateTimeOffset(2026, 11, 23, 10, 47, 31, 250, TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), ArchiveTime.ToHour(rome));
    }

    private static int Distinct(IEnumerable<CoarseArea> areas) => areas.Select(a => a.Cell).Distinct(StringComparer.Ordinal).Count();
}
