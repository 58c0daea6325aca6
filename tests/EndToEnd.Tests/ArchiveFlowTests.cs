using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using LineaHub.NodeAgent.Archive;
using LineaHub.NodeAgent.Cli;
using LineaHub.NodeAgent.Join;
using LineaHub.NodeAgent.Storage;
using LineaHub.Schemas.Anonymisation;
using LineaHub.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LineaHub.EndToEnd.Tests;

public sealed class ArchiveFlowTests
{
    private static readonly Dictionary<string, string?> SmallBatches = new()
    {
        ["Archive:BatchSize"] = "4",
        ["Archive:BatchSeconds"] = "1",
    };

    [Theory]
    [MemberData(nameof(JoinFlowTests.Providers), MemberType = typeof(JoinFlowTests))]
    public async Task Contacts_closed_through_the_local_api_and_a_csv_import_reach_the_archive_exactly_once_and_personal_data_is_refused_record_by_record(
        StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        await using var link = HubLink.Start(hub.BaseAddress);
        var code = await Offices.LAquilaAsync(await hub.CreateAdminClientAsync());
        var agent = AgentHost.Create(settings: SmallBatches);
        try
        {
            var identity = await agent.Services.GetRequiredService<JoinService>().JoinAsync(link.Address, code, force: false, CancellationToken.None);
            await agent.App.StartAsync();
            using var local = new HttpClient { BaseAddress = agent.LocalApi };
            var closedAt = DateTimeOffset.UtcNow.AddHours(-3);

            // The office's system closes contacts; one carries a fiscal code as its id and is refused on its own.
            for (var i = 1; i <= 5; i++)
            {
                using var closed = await local.PostAsJsonAsync("api/v1/contacts/closed", Contact($"api-{i}", closedAt));
                Assert.Equal(HttpStatusCode.Accepted, closed.StatusCode);
            }

            using var repeat = await local.PostAsJsonAsync("api/v1/contacts/closed", Contact("api-1", closedAt));
            using var personalId = await local.PostAsJsonAsync("api/v1/contacts/closed", Contact(FiscalCode(1), closedAt));
            using var unknownEntity = await local.PostAsJsonAsync("api/v1/contacts/closed", Contact("api-6", closedAt) with { EntityCode = "999999" });
            Assert.Equal(HttpStatusCode.Accepted, repeat.StatusCode);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, personalId.StatusCode);
            Assert.Contains("contactId", (await personalId.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!.Errors.Keys);
            Assert.Equal(HttpStatusCode.Accepted, unknownEntity.StatusCode);

            // An agent whose anonymiser missed a fiscal code (an older version, say): the hub's own guard refuses that record alone.
            await agent.Services.GetRequiredService<AgentDatabase>().WriteAsync(
                transaction => agent.Services.GetRequiredService<ArchiveStore>().AddAsync(transaction, ArchiveRecordBuilder.Build(Contact("api-7", closedAt),
                    CitizenPseudonym.NewSecret(), DateTimeOffset.UtcNow).Record! with { Text = $"Rimborso chiesto dal codice fiscale {FiscalCode(2)}." },
                    CancellationToken.None),
                CancellationToken.None);

            // The hub goes away while the office imports its export (twice, by mistake): nothing is lost or doubled.
            await link.CutAsync();
            var file = Path.Combine(agent.DataDirectory, "export.csv");
            await File.WriteAllTextAsync(file, Csv(closedAt), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            var output = new StringWriter();
            var imported = await AgentCli.RunAsync(["import", file, "--data", agent.DataDirectory], output);
            var reimported = await AgentCli.RunAsync(["import", file, "--data", agent.DataDirectory], new StringWriter());
            Assert.Equal((2, 2), (imported, reimported));
            Assert.Contains("Archiviate ora         5", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("riga      4  category", output.ToString(), StringComparison.Ordinal);
            link.Restore();

            var status = await Eventually.GetAsync(
                () => local.GetFromJsonAsync<ArchiveStatus>("api/v1/archive"),
                s => s!.Pending == 0,
                "every archived contact answered by the hub");

            Assert.Equal((10, 2, 0), (status!.Sent, status.Refused, status.Dead));
            var refused = status.RecentlyRefused.ToDictionary(r => r.ContactId);
            Assert.Equal(("entityCode", "unknown_code"), (refused["api-6"].Errors[0].Field, refused["api-6"].Errors[0].Code));
            Assert.Equal(("text", "personal_data"), (refused["api-7"].Errors[0].Field, refused["api-7"].Errors[0].Code));

            await using var db = hub.Database.CreateDbContext();
            var stored = await db.ArchivedContacts.Where(c => c.NodeId == identity.NodeId).ToListAsync();
            Assert.Equal(
                [.. Enumerable.Range(1, 5).Select(i => $"api-{i}"), .. Enumerable.Range(1, 5).Select(i => $"csv-{i}")],
                stored.Select(c => c.RecordId).Order(StringComparer.Ordinal));
            Assert.All(stored, c => Assert.Equal(ArchiveTime.ToHour(closedAt), c.ClosedAt));
            Assert.All(stored, c => Assert.DoesNotContain("Inventato", c.Text ?? "", StringComparison.Ordinal));
            Assert.All(stored, c => Assert.NotEqual(FiscalCode(3), c.Citizen));
            Assert.Single(stored.Select(c => c.Citizen).Distinct());
        }
        finally
        {
            await agent.DisposeAsync();
            AgentHost.DeleteData(agent.DataDirectory);
        }
    }

    private static ClosedContact Contact(string id, DateTimeOffset closedAt) => new(
        ContactId: id,
        Category: "ambiente-rifiuti.raccolta",
        Channel: "telefono",
        RequestType: "segnalazione",
        Outcome: "risolto",
        OpenedAt: closedAt.AddMinutes(-25),
        ClosedAt: closedAt,
        FirstResponseAt: closedAt.AddMinutes(-20),
        ResolvedAt: closedAt,
        Citizen: FiscalCode(3),
        IstatCode: "066049",
        Latitude: 42.3498,
        Longitude: 13.3995,
        Text: "Il signor Ugo Inventato (nome di fantasia) segnala il mancato ritiro degli ingombranti in via Roma.",
        FaqIds: ["faq-7"],
        Satisfaction: 4);

    /// <summary>An export as an Italian office's system writes it: ';', Rome times as dd/MM/yyyy HH:mm, a row with an unknown category.</summary>
    private static string Csv(DateTimeOffset closedAt)
    {
        var rome = TimeZoneInfo.ConvertTime(closedAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome"));
        string Time(TimeSpan before) => (rome - before).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        string Row(string id, string category) =>
            $"{id};{category};sportello;informazione;risolto;{Time(TimeSpan.FromMinutes(25))};{Time(TimeSpan.Zero)};{Time(TimeSpan.FromMinutes(20))};"
            + $"{FiscalCode(3)};066049;42,3498;13,3995;\"Il cittadino Ugo Inventato chiede gli orari dell'ecocentro\";faq-7;5";
        var lines = new List<string>
        {
            "contactId;category;channel;requestType;outcome;openedAt;closedAt;firstResponseAt;citizen;istatCode;latitude;longitude;text;faqIds;satisfaction",
            Row("csv-1", "ambiente-rifiuti.raccolta"),
            Row("csv-2", "ambiente-rifiuti.raccolta"),
            Row("csv-bad", "astrologia"),
        };
        lines.AddRange(Enumerable.Range(3, 3).Select(i => Row($"csv-{i}", "ambiente-rifiuti.raccolta")));
        return string.Join("\r\n", lines) + "\r\n";
    }

    /// <summary>A fiscal code of nobody: made-up letters and date, a valid check character.</summary>
    private static string FiscalCode(int n)
    {
        var first15 = $"FNT{(char)('A' + n)}TZ80A0{n}A345";
        return first15 + Schemas.Anonymisation.FiscalCode.CheckCharacter(first15);
    }
}
