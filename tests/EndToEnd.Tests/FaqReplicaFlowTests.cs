using System.Net;
using System.Net.Http.Json;
using LineaHub.NodeAgent.Connection;
using LineaHub.NodeAgent.Faq;
using LineaHub.NodeAgent.Join;
using LineaHub.NodeAgent.Storage;
using LineaHub.Schemas.Faq;
using LineaHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LineaHub.EndToEnd.Tests;

public sealed class FaqReplicaFlowTests
{
    // Seconds, not the production half-minute, so the test waits for the network rather than for the clock.
    internal static readonly Dictionary<string, string?> QuickSync = new()
    {
        ["Faq:SyncIntervalSeconds"] = "1",
        ["Faq:MaxDelaySeconds"] = "2",
    };

    [Theory]
    [MemberData(nameof(JoinFlowTests.Providers), MemberType = typeof(JoinFlowTests))]
    public async Task Entries_published_on_the_hub_reach_the_office_replica_which_keeps_answering_with_the_hub_away_and_never_holds_what_is_not_its_own(
        StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        await using var link = HubLink.Start(hub.BaseAddress);
        var admin = await hub.CreateAdminClientAsync();
        var celano = AgentHost.Create(settings: QuickSync);
        var laquila = AgentHost.Create();
        var torino = AgentHost.Create();
        try
        {
            await celano.Services.GetRequiredService<JoinService>().JoinAsync(link.Address, await Offices.CelanoAsync(admin), force: false, CancellationToken.None);
            await laquila.Services.GetRequiredService<JoinService>().JoinAsync(hub.BaseAddress, await Offices.LAquilaAsync(admin), force: false, CancellationToken.None);
            await torino.Services.GetRequiredService<JoinService>().JoinAsync(hub.BaseAddress, await Offices.TorinoAsync(admin), force: false, CancellationToken.None);
            await celano.App.StartAsync();

            // Celano's own local entry, a regional one of its region by L'Aquila; L'Aquila's local one and Torino's regional one are not Celano's.
            var own = await PublishAsync(celano, link.Address, "Come prenotare la carta d'identità elettronica a Celano", "local",
                new FaqEntryRequest(null, "Si prenota all'anagrafe del comune.", "anagrafe", ["cie"], null, null, null));
            var regional = await PublishAsync(laquila, hub.BaseAddress, "Ritiro degli ingombranti in Abruzzo", "regional");
            var neighbours = await PublishAsync(laquila, hub.BaseAddress, "Ritiro degli ingombranti nel comune capoluogo", "local");
            var elsewhere = await PublishAsync(torino, hub.BaseAddress, "Ritiro degli ingombranti in Piemonte", "regional");
            using var local = new HttpClient { BaseAddress = celano.LocalApi };

            var found = await Eventually.GetAsync(
                () => SearchAsync(local, "ritiro ingombranti"),
                r => r.Hits.Any(h => h.Id == regional.Id.ToString()) && r.ReplicaVersion >= elsewhere.Version,
                "the regional entry found in Celano's replica");
            Assert.Equal([regional.Id.ToString()], found.Hits.Select(h => h.Id));
            Assert.False(found.Stale);
            Assert.Equal([own.Id.ToString()], (await SearchAsync(local, "carta identità")).Hits.Select(h => h.Id));
            await AssertNotStoredAsync(celano, neighbours, elsewhere);

            // The hub goes away: the office keeps searching, and an agent restarted meanwhile answers at once.
            await link.CutAsync();
            Assert.Single((await SearchAsync(local, "ritiro ingombranti")).Hits);
            local.Dispose();
            await celano.DisposeAsync();
            celano = AgentHost.Create(celano.DataDirectory, settings: QuickSync);
            await celano.App.StartAsync();
            using var restarted = new HttpClient { BaseAddress = celano.LocalApi };
            Assert.Equal([regional.Id.ToString()], (await SearchAsync(restarted, "ritiro ingombranti")).Hits.Select(h => h.Id));

            // Archived on the hub while the office is cut off: gone from the replica once the hub is back.
            await ArchiveAsync(laquila, hub.BaseAddress, regional.Id);
            Assert.Single((await SearchAsync(restarted, "ritiro ingombranti")).Hits);
            link.Restore();
            await Eventually.GetAsync(
                () => SearchAsync(restarted, "ritiro ingombranti"),
                r => r.Hits.Count == 0,
                "the archived entry gone from Celano's replica");
            Assert.Single((await SearchAsync(restarted, "carta identità")).Hits);
            await AssertNotStoredAsync(celano, neighbours, elsewhere, regional);
        }
        finally
        {
            foreach (var agent in new[] { celano, laquila, torino })
            {
                try
                {
                    await agent.DisposeAsync();
                }
                catch (InvalidOperationException)
                {
                    // Never started.
                }

                AgentHost.DeleteData(agent.DataDirectory);
            }
        }
    }

    internal static async Task<LocalFaqSearchResponse> SearchAsync(HttpClient local, string query)
    {
        using var response = await local.GetAsync($"api/v1/faq/search?q={Uri.EscapeDataString(query)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<LocalFaqSearchResponse>())!;
    }

    /// <summary>Neither the id nor any text of these entries is in the office's database.</summary>
    private static async Task AssertNotStoredAsync(AgentHost agent, params FaqEntryView[] entries)
    {
        var stored = new List<string>();
        await using (var connection = await agent.Services.GetRequiredService<AgentDatabase>().OpenAsync(CancellationToken.None))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id || ' ' || entry FROM faq_entries;";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stored.Add(reader.GetString(0));
            }
        }

        foreach (var entry in entries)
        {
            Assert.DoesNotContain(stored, row => row.Contains(entry.Id.ToString(), StringComparison.Ordinal) || row.Contains(entry.Question, StringComparison.Ordinal));
        }
    }

    /// <summary>The office writes and publishes an entry of its own through its agent's hub client (its own token).</summary>
    /// <param name="content">Answer, category and keywords; the ones for bulky waste when null.</param>
    internal static async Task<FaqEntryView> PublishAsync(AgentHost office, Uri hub, string question, string scope, FaqEntryRequest? content = null)
    {
        var client = office.Services.GetRequiredService<IHttpClientFactory>().CreateClient(HubClient.Name);
        var request = (content ?? new FaqEntryRequest(null, "Prenotare il ritiro al numero verde dell'ente.", "ambiente-rifiuti", ["ingombranti"], null, null, null))
            with { Question = question, Scope = scope };
        using var created = await client.PostAsJsonAsync(new Uri(hub, "api/v1/faq/entries"), request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var entry = (await created.Content.ReadFromJsonAsync<FaqEntryView>())!;
        using var published = await client.PostAsync(new Uri(hub, $"api/v1/faq/entries/{entry.Id}/publish"), null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return (await published.Content.ReadFromJsonAsync<FaqEntryView>())!;
    }

    private static async Task ArchiveAsync(AgentHost office, Uri hub, Guid id)
    {
        var client = office.Services.GetRequiredService<IHttpClientFactory>().CreateClient(HubClient.Name);
        using var archived = await client.PostAsync(new Uri(hub, $"api/v1/faq/entries/{id}/archive"), null);
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
    }
}
