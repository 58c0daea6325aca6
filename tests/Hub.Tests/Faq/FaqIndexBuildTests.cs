using System.Net;
using System.Net.Http.Json;
using LineaHub.Hub.Faq;
using LineaHub.Schemas.Faq;
using LineaHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static LineaHub.Hub.Tests.Faq.FaqFixtures;

namespace LineaHub.Hub.Tests.Faq;

/// <summary>
/// The start-up build of a hub replica (<see cref="FaqIndexSync"/>): entries read grouped by scope, not by version, then
/// merged; the replica must answer exactly as one that followed every change in version order, and keep following.
/// </summary>
public sealed class FaqIndexBuildTests
{
    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task A_replica_started_on_a_populated_database_answers_as_the_running_one_and_then_follows_changes(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        using var offices = await ScopedOffices.JoinAsync(hub);
        var now = DateTimeOffset.UtcNow;
        var network = await CreateAsync(offices.Asker, Entry("Riduzioni TARI per le famiglie", scope: "network"));
        using (var approved = await MoveAsync(offices.Editor, network.Id, "publish"))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        await PublishedAsync(offices.Asker, Entry("Scadenza TARI del mio comune"));
        await PublishedAsync(offices.Neighbour, Entry("Scadenza TARI in regione", scope: "regional"));
        await PublishedAsync(offices.Neighbour, Entry("Scadenza TARI del comune vicino"));
        await PublishedAsync(offices.FarAway, Entry("Scadenza TARI altra regione", scope: "regional"));
        await PublishedAsync(offices.Asker, Entry("Scadenza TARI dell'anno scorso", validFrom: now.AddDays(-30), validTo: now.AddDays(-1)));
        var archived = await PublishedAsync(offices.Asker, Entry("Scadenza TARI archiviata", scope: "regional"));
        using (var archive = await MoveAsync(offices.Asker, archived.Id, "archive"))
        {
            Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
        }

        var edited = await PublishedAsync(offices.FarAway, Entry("Orari TARI", answer: "Sportello aperto il lunedì."));
        using (var edit = await offices.FarAway.PutAsJsonAsync($"/api/v1/faq/entries/{edited.Id}", Entry("Orari TARI", answer: "Sportello aperto il martedì.")))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }

        await SyncIndexAsync(hub);
        var running = hub.Services.GetRequiredService<FaqIndex>();
        using var replicaIndex = new FaqIndex();
        var replica = new FaqIndexSync(
            replicaIndex,
            hub.Services.GetRequiredService<IServiceScopeFactory>(),
            hub.Services.GetRequiredService<IOptions<FaqOptions>>(),
            NullLogger<FaqIndexSync>.Instance);
        await replica.StartAsync(CancellationToken.None);
        try
        {
            Assert.Equal(running.HighestVersion, replica.AppliedVersion);
            Assert.Equal(running.Count, replicaIndex.Count);
            var askers = await AskersAsync(hub);
            Assert.Equal(4, askers.Count);
            foreach (var query in new[] { "scadenza tari", "riduzioni tari", "sportello martedì", "sportello lunedì" })
            {
                foreach (var (region, entity) in askers)
                {
                    var request = new FaqSearchRequest(query, region, entity, null, DateTimeOffset.UtcNow);
                    Assert.Equal(Hits(running.Search(request)), Hits(replicaIndex.Search(request)));
                }
            }

            // A change after the build: the replica resumes after the newest change it read.
            await using var db = hub.Database.CreateDbContext();
            var owner = await db.FaqEntries.Where(e => e.Id == edited.Id).Select(e => new { e.RegionCode, e.EntityCode }).SingleAsync();
            var search = new FaqSearchRequest("orari tari martedì", owner.RegionCode, owner.EntityCode, null, DateTimeOffset.UtcNow);
            Assert.Contains(replicaIndex.Search(search).Hits, h => h.Id == edited.Id.ToString());
            using (var withdrawn = await MoveAsync(offices.FarAway, edited.Id, "archive"))
            {
                Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
            }

            await replica.SyncOnceAsync(CancellationToken.None);
            Assert.DoesNotContain(replicaIndex.Search(search).Hits, h => h.Id == edited.Id.ToString());
        }
        finally
        {
            await replica.StopAsync(CancellationToken.None);
        }
    }

    private static List<(string Id, float Score)> Hits(FaqSearchResult result) =>
        [.. result.Hits.Select(h => (h.Id, MathF.Round(h.Score, 4))).OrderBy(h => h.Id, StringComparer.Ordinal)];

    // Every office that owns a local entry, as it asks (its region and entity), and an asker outside any region.
    private static async Task<List<(string? Region, string? Entity)>> AskersAsync(HubServer hub)
    {
        await using var db = hub.Database.CreateDbContext();
        var owners = await db.FaqEntries.Where(e => e.Scope == FaqScope.Local)
            .Select(e => new { e.RegionCode, e.EntityCode }).Distinct().ToListAsync();
        return [.. owners.Select(o => (o.RegionCode, o.EntityCode)), (null, null)];
    }
}
