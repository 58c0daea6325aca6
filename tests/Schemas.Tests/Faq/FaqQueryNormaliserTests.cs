using LineaHub.Schemas.Faq;

namespace LineaHub.Schemas.Tests.Faq;

public sealed class FaqQueryNormaliserTests
{
    [Theory]
    [InlineData("Scadenza della TARI?")]
    [InlineData("scadenze tari")]
    [InlineData("SCADÈNZA dell'TARI")]
    [InlineData("scadenza  Tari")]
    [InlineData("la scadenza all’TARI")]
    [InlineData("TARI scadenza")]
    [InlineData("tari: scadenza della tari")]
    public void Case_accents_elision_stop_words_plural_word_order_and_repeats_do_not_split_a_group(string query) =>
        Assert.Equal("scadenz tari", FaqQueryNormaliser.Normalise(query));

    [Fact]
    public void Different_questions_stay_apart() =>
        Assert.NotEqual(FaqQueryNormaliser.Normalise("scadenza TARI"), FaqQueryNormaliser.Normalise("scadenza IMU"));

    [Fact]
    public void A_query_of_stop_words_only_keeps_its_folded_words() =>
        Assert.Equal("perche non", FaqQueryNormaliser.Normalise("Perché  NON"));
}
