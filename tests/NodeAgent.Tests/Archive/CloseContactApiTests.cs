using System.Net;
using System.Net.Http.Json;
using System.Text;
using LineaHub.NodeAgent.Archive;
using LineaHub.NodeAgent.Outbox;
using LineaHub.NodeAgent.Storage;
using LineaHub.Schemas.Archive;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace LineaHub.NodeAgent.Tests.Archive;

public sealed class CloseContactApiTests
{
    private static readonly Dictionary<string, string?> LargeBatches = new() { ["Archive:BatchSize"] = "1000" };

    [Fact]
    public async Task A_closed_contact_is_archived_anonymised_and_nothing_raw_is_kept_by_the_agent()
    {
        await using var agent = await ArchiveAgent.CreateAsync(LargeBatches, listen: true);
        await agent.StartAsync();
        using var local = new HttpClient { BaseAddress = agent.LocalApi };
        var contact = Contacts.Closed("urp-aq-000123");

        using var response = await local.PostAsJsonAsync("api/v1/contacts/closed", contact);
        var archived = await response.Content.ReadFromJsonAsync<ContactArchived>();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(new ContactArchived("urp-aq-000123", ArchiveAgent.Start), archived);
        var stored = await ScalarAsync(agent, "SELECT record FROM archive_records WHERE record_id = 'urp-aq-000123';") as string;
        Assert.NotNull(stored);
        Assert.Contains("\"citizen\":", stored, StringComparison.Ordinal);

        // Nowhere in the database files — tables, journal, free pages — is what the office sent in clear.
        SqliteConnection.ClearAllPools();
        var files = Directory.GetFiles(agent.Folder, "agent.db*").Select(f => Encoding.UTF8.GetString(File.ReadAllBytes(f))).ToList();
        Assert.NotEmpty(files);
        foreach (var raw in new[] { contact.Citizen!, "Inventato", "1234567", "42.3498", "13.3995" })
        {
            Assert.All(files, content => Assert.DoesNotContain(raw, content, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Closing_the_same_contact_again_answers_the_same_and_archives_it_once()
    {
        await using var agent = await ArchiveAgent.CreateAsync(LargeBatches, listen: true);
        await agent.StartAsync();
        using var local = new HttpClient { BaseAddress = agent.LocalApi };

        using var first = await local.PostAsJsonAsync("api/v1/contacts/closed", Contacts.Closed("urp-aq-000124"));
        agent.Clock.Advance(TimeSpan.FromMinutes(3));
        using var again = await local.PostAsJsonAsync("api/v1/contacts/closed", Contacts.Closed("urp-aq-000124") with { Satisfaction = 1 });

        Assert.Equal(first.StatusCode, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(1L, await ScalarAsync(agent, "SELECT COUNT(*) FROM archive_records;"));
        var status = await local.GetFromJsonAsync<ArchiveStatus>("api/v1/archive");

        // The running agent may have sent it meanwhile (the clock moved past the batch seconds); either way, once.
        Assert.Equal((1, 0, 0), (status!.Pending + status.Sent, status.Refused, status.Dead));
        Assert.True(agent.Hub.Calls.Sum(c => c.Records) <= 1);
    }

    [Fact]
    public async Task A_bad_contact_is_a_problem_listing_the_fields_and_nothing_is_stored()
    {
        await using var agent = await ArchiveAgent.CreateAsync(LargeBatches, listen: true);
        await agent.StartAsync();
        using var local = new HttpClient { BaseAddress = agent.LocalApi };
        var fiscalCode = Contacts.FiscalCode(11);

        using var missing = await local.PostAsJsonAsync("api/v1/contacts/closed", Contacts.Closed("urp-aq-1") with { Category = null, OpenedAt = null });
        using var unknown = await local.PostAsJsonAsync("api/v1/contacts/closed", Contacts.Closed("urp-aq-2") with { Outcome = "boh" });
        using var personalId = await local.PostAsJsonAsync("api/v1/contacts/closed", Contacts.Closed(fiscalCode));
        var missingProblem = await missing.Content.ReadFromJsonAsync<HttpValidationProblemDetails>();
        var unknownProblem = await unknown.Content.ReadFromJsonAsync<HttpValidationProblemDetails>();
        var personalBody = await personalId.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["category", "openedAt"], missingProblem!.Errors.Keys.Order());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal(["outcome"], unknownProblem!.Errors.Keys);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, personalId.StatusCode);
        Assert.Contains("contactId", personalBody, StringComparison.Ordinal);
        Assert.DoesNotContain(fiscalCode, personalBody, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0L, await ScalarAsync(agent, "SELECT COUNT(*) FROM archive_records;"));
        Assert.Equal(0, await agent.Get<OutboxStore>().CountPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_pseudonym_secret_is_drawn_once_kept_private_and_the_same_after_a_restart()
    {
        await using var agent = await ArchiveAgent.CreateAsync(LargeBatches);
        var fiscalCode = Contacts.FiscalCode(5);
        await agent.CloseAsync(Contacts.Closed("urp-aq-2001") with { Citizen = fiscalCode });
        var secretFile = agent.Get<AgentPaths>().PseudonymSecretFile;
        var secret = await File.ReadAllTextAsync(secretFile);

        await agent.RestartAsync();
        await agent.CloseAsync(Contacts.Closed("urp-aq-2002") with { Citizen = fiscalCode });
        var citizens = await QueryAsync(agent, "SELECT json_extract(record, '$.citizen') FROM archive_records ORDER BY seq;");

        Assert.Equal(secret, await File.ReadAllTextAsync(secretFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secretFile));
        }

        Assert.Equal(2, citizens.Count);
        Assert.Equal(citizens[0], citizens[1]);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(secretFile)!, "*.tmp"));
        SqliteConnection.ClearAllPools();
        Assert.All(Directory.GetFiles(agent.Folder, "agent.db*"),
            file => Assert.DoesNotContain(secret.Trim(), Encoding.UTF8.GetString(File.ReadAllBytes(file)), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_processes_drawing_the_secret_at_once_end_up_with_one()
    {
        // Many rounds of many drawers: the race between creators is a matter of microseconds.
        for (var round = 0; round < 20; round++)
        {
            var folder = Path.Combine(Path.GetTempPath(), "lineahub-tests", "secret-" + Guid.NewGuid().ToString("N"));
            try
            {
                var paths = new AgentPaths(folder);
                var secrets = Enumerable.Range(0, 16).Select(_ => new PseudonymSecret(paths)).ToList();

                var drawn = await Task.WhenAll(secrets.Select(s => Task.Run(() => s.GetAsync(CancellationToken.None))));

                Assert.All(drawn, secret => Assert.Equal(drawn[0], secret));
                Assert.Equal(Convert.ToBase64String(drawn[0]), (await File.ReadAllTextAsync(paths.PseudonymSecretFile)).Trim());
                secrets.ForEach(s => s.Dispose());
            }
            finally
            {
                Storage.TestFolders.TryDelete(folder);
            }
        }
    }

    private static Task<object?> ScalarAsync(ArchiveAgent agent, string sql) =>
        agent.Get<AgentDatabase>().ReadAsync(transaction => transaction.ScalarAsync(sql, CancellationToken.None), CancellationToken.None);

    private static Task<IReadOnlyList<string>> QueryAsync(ArchiveAgent agent, string sql) =>
        agent.Get<AgentDatabase>().ReadAsync(transaction => transaction.QueryAsync(sql, r => r.GetString(0), CancellationToken.None), CancellationToken.None);
}
