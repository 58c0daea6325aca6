using System.Globalization;
using LineaHub.Schemas.Archive;
using LineaHub.Schemas.Taxonomy;

namespace LineaHub.Hub.Tests.Archive;

/// <summary>Synthetic archive records for the tests: valid unless a test spoils one.</summary>
internal static class ArchiveRecords
{
    /// <summary>The textbook example of a codice fiscale (Mario Rossi, Roma, 1 January 1980): obviously synthetic.</summary>
    public const string SyntheticFiscalCode = "RSSMRA80A01H501U";

    public static DateTimeOffset LastHour => new DateTimeOffset(DateTimeOffset.UtcNow.Year, DateTimeOffset.UtcNow.Month, DateTimeOffset.UtcNow.Day, DateTimeOffset.UtcNow.Hour, 0, 0, TimeSpan.Zero).AddHours(-1);

    public static ArchiveRecord Valid(string id, DateTimeOffset? closedAt = null, string category = "tributi.tari", int? firstResponse = 120, int? resolution = 900) =>
        new(
            id,
            TaxonomyCatalog.Current.Version,
            category,
            "telefono",
            "informazione",
            "risolto",
            (closedAt ?? LastHour).AddHours(-1),
            closedAt ?? LastHour,
            firstResponse,
            resolution,
            "058091",
            "9999:1234",
            null,
            "Richiesta sulle scadenze della TARI e sulle modalità di pagamento con [NOME].",
            ["faq-12"],
            4);

    public static ArchiveBatchRequest Batch(params ArchiveRecord[] records) => new(records);

    public static ArchiveBatchRequest ValidBatch(int count, string prefix = "r") =>
        new([.. Enumerable.Range(0, count).Select(i => Valid(prefix + i.ToString(CultureInfo.InvariantCulture)))]);
}
