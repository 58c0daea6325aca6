using System.Text;
using LineaHub.NodeAgent.Archive;
using LineaHub.NodeAgent.Cli;
using LineaHub.NodeAgent.Storage;
using LineaHub.Schemas.Archive;

namespace LineaHub.NodeAgent.Tests.Archive;

public sealed class ArchiveImportTests
{
    private const string Header = "contactId;Category;channel;requestType;outcome;openedAt;closedAt;firstResponseAt;resolutionSeconds;citizen;istatCode;latitude;longitude;text;faqIds;satisfaction";

    private static string Row(
        string id, string opened = "03/03/2026 09:12", string closed = "03/03/2026 09:59", string category = "viabilita-trasporti.strade", string? firstResponse = null) =>
        $"{id};{category};telefono;segnalazione;risolto;{opened};{closed};{firstResponse ?? "03/03/2026 09:20"};2820;{Contacts.FiscalCode(id.Length)};066049;42,3498;13,3995;"
        + $"\"{Contacts.Text.Replace("\"", "\"\"", StringComparison.Ordinal)}\";faq-1|faq-2;5";

    [Fact]
    public async Task An_Italian_export_with_semicolons_a_BOM_and_Rome_times_is_archived_like_the_local_api_does()
    {
        await using var agent = await ArchiveAgent.CreateAsync();
        agent.Clock.Advance(TimeSpan.FromDays(150));
        var csv = Csv(withBom: true, Header, Row("exp-1"), Row("exp-2", opened: "2026-07-01T10:05:00", closed: "2026-07-01T10:40:00Z", firstResponse: "2026-07-01T10:06:00+02:00"));

        var summary = await ImportAsync(agent, csv);

        Assert.Equal((2, 2, 0, 0), (summary.Rows, summary.Archived, summary.AlreadyArchived, summary.Rejected));
        var records = await RecordsAsync(agent);
        var winter = records.Single(r => r.RecordId == "exp-1");
        var summer = records.Single(r => r.RecordId == "exp-2");

        // 09:12 in Rome in March is 08:12 UTC (CET); 10:05 in July is 08:05 UTC (CEST); a Z stays UTC.
        Assert.Equal((new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero)), (winter.OpenedAt, winter.ClosedAt));
        Assert.Equal(8 * 60, winter.FirstResponseSeconds);
        Assert.Equal(2820, winter.ResolutionSeconds);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero), summer.OpenedAt);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero), summer.ClosedAt);
        Assert.Equal(60, summer.FirstResponseSeconds);
        Assert.Equal(["faq-1", "faq-2"], winter.FaqIds);
        Assert.NotNull(winter.AreaCell);
        Assert.DoesNotContain("Inventato", winter.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_the_same_file_again_adds_nothing()
    {
        await using var agent = await ArchiveAgent.CreateAsync();
        var csv = Csv(withBom: false, Header.Replace(';', ','), "dup-1,viabilita-trasporti.strade,email,informazione,risolto,2026-03-03T08:10:00Z,2026-03-03T08:30:00Z,,,,066049,,,,,");

        var first = await ImportAsync(agent, csv);
        var again = await ImportAsync(agent, csv);

        Assert.Equal((1, 0), (first.Archived, first.AlreadyArchived));
        Assert.Equal((0, 1, 0), (again.Archived, again.AlreadyArchived, again.Rejected));
        Assert.Single(await RecordsAsync(agent));
    }

    [Fact]
    public async Task Refused_rows_are_listed_by_row_field_and_reason_never_by_content_and_the_rest_is_archived()
    {
        await using var agent = await ArchiveAgent.CreateAsync();
        var fiscalCode = Contacts.FiscalCode(9);
        var csv = Csv(withBom: false, Header,
            Row("ok-1"),
            Row("bad-date", opened: "31/02/2026 09:00"),
            Row("ok-2"),
            Row("bad-category", category: "astrologia"),
            Row(fiscalCode),
            Row("ok-3"));

        var summary = await ImportAsync(agent, csv);
        var text = new StringWriter();
        ImportSummaryText.Write(text, summary);

        Assert.Equal((6, 3, 3), (summary.Rows, summary.Archived, summary.Rejected));
        Assert.Equal([3L, 5L, 6L], summary.RejectedRows.Select(r => r.Row));
        Assert.Equal(["openedAt", "category", "contactId"], summary.RejectedRows.Select(r => r.Errors[0].Field));
        Assert.Contains("riga      3  openedAt", text.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(fiscalCode, text.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("astrologia", text.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("31/02", text.ToString(), StringComparison.Ordinal);
        Assert.Equal(["ok-1", "ok-2", "ok-3"], (await RecordsAsync(agent)).Select(r => r.RecordId));
    }

    [Fact]
    public async Task A_file_without_the_expected_header_stops_before_any_row_and_does_not_quote_it()
    {
        await using var agent = await ArchiveAgent.CreateAsync();
        var csv = Csv(withBom: false, Row("no-header"), Row("no-header-2"));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ImportAsync(agent, csv));

        Assert.Contains("manca la colonna 'contactId'", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Contacts.FiscalCode(9), refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Inventato", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await RecordsAsync(agent));
    }

    [Fact]
    public async Task The_import_command_shows_progress_and_the_summary_and_archive_status_shows_the_counts()
    {
        await using var agent = await ArchiveAgent.CreateAsync();
        var rows = Enumerable.Range(1, 1200).Select(i => Row($"cli-{i}", opened: "02/11/2026 10:00", closed: "02/11/2026 10:30", firstResponse: "02/11/2026 10:08")).ToList();
        rows[99] = Row("cli-100", opened: "02/11/2026 10:00", closed: "99/99/2026 99:99", firstResponse: "02/11/2026 10:08");
        var file = Path.Combine(agent.Folder, "contatti.csv");
        await File.WriteAllTextAsync(file, Csv(withBom: true, [Header, .. rows]), new UTF8Encoding(false));
        var output = new StringWriter();
        var statusOutput = new StringWriter();

        var exit = await AgentCli.RunAsync(["import", file, "--data", agent.Folder], output);
        var again = await AgentCli.RunAsync(["import", file, "--data", agent.Folder], new StringWriter());
        var statusExit = await AgentCli.RunAsync(["archive", "status", "--data", agent.Folder], statusOutput);

        Assert.Equal(2, exit);
        Assert.Equal(2, again);
        Assert.Equal(0, statusExit);
        var shown = output.ToString();
        Assert.Contains("Importazione: ", shown, StringComparison.Ordinal);
        Assert.Contains("(100 %)", shown, StringComparison.Ordinal);
        Assert.Contains("Archiviate ora         1.199", shown, StringComparison.Ordinal);
        Assert.Contains("riga    101  closedAt", shown, StringComparison.Ordinal);
        Assert.Contains("Contatti in attesa di invio      1.199", statusOutput.ToString(), StringComparison.Ordinal);
        Assert.Contains("Ultimo errore di invio           nessuno", statusOutput.ToString(), StringComparison.Ordinal);
        Assert.Equal(1199, (await RecordsAsync(agent)).Count);
    }

    private static string Csv(bool withBom, params string[] lines) => (withBom ? "\uFEFF" : "") + string.Join("\r\n", lines) + "\r\n";

    private static async Task<ImportSummary> ImportAsync(ArchiveAgent agent, string csv)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await agent.Get<ArchiveImport>().ImportAsync(stream, null, CancellationToken.None);
    }

    private static Task<IReadOnlyList<ArchiveRecord>> RecordsAsync(ArchiveAgent agent) =>
        agent.Get<AgentDatabase>().ReadAsync(
            transaction => transaction.QueryAsync(
                "SELECT record FROM archive_records ORDER BY seq;",
                reader => System.Text.Json.JsonSerializer.Deserialize<ArchiveRecord>(reader.GetString(0), System.Text.Json.JsonSerializerOptions.Web)!,
                CancellationToken.None),
            CancellationToken.None);
}
