using System.Globalization;
using LineaHub.Hub.Archive;
using LineaHub.NodeAgent.Archive;
using LineaHub.NodeAgent.Join;
using LineaHub.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LineaHub.EndToEnd.Tests;

/// <summary>
/// The archive's promise under faults, with the hub as its own process on PostgreSQL: an office's closed contacts all
/// arrive, each exactly once, whether the hub is killed mid-stream or its database stops.
/// </summary>
public sealed class ArchiveFaultTests
{
    private const int Contacts = 1500;

    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Every_record_arrives_exactly_once_when_the_hub_is_killed_mid_stream()
    {
        await using var network = await Network.StartAsync(connectionString: null);
        await using var agent = await network.JoinAgentAsync();
        var archiving = ArchiveInChunksAsync(agent.Host, "k");

        await WaitForStoredAsync(network.ConnectionString, atLeast: 100);
        await network.Hub.KillAsync();
        var storedAtKill = await StoredAsync(network.ConnectionString);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await network.RestartHubAsync();
        await archiving;

        await WaitUntilAllSentAsync(agent.Host);
        Assert.InRange(storedAtKill, 1, Contacts - 1);
        await AssertStoredOnceAsync(network.ConnectionString);
    }

    [Fact]
    public async Task The_hub_answers_503_while_postgres_is_down_and_every_record_arrives_after_it_returns()
    {
        await using var cluster = await PostgresCluster.StartAsync();
        var connectionString = await cluster.CreateDatabaseAsync();
        await using var network = await Network.StartAsync(connectionString);
        await using var agent = await network.JoinAgentAsync();
        var archiving = ArchiveInChunksAsync(agent.Host, "p");

        await WaitForStoredAsync(connectionString, atLeast: 100);
        await cluster.PauseServerAsync();
        var status = agent.Host.Services.GetRequiredService<ArchiveStatusQuery>();
        var during = await WaitForAsync(
            () => status.GetAsync(CancellationToken.None),
            s => s.LastError?.Status == 503,
            "the agent is told 503 while PostgreSQL is down");
        await archiving;
        await cluster.ResumeServerAsync();
        // The test's own pooled connections died with the server (the hub's pool finds that out on its own).
        NpgsqlConnection.ClearAllPools();

        await WaitUntilAllSentAsync(agent.Host);
        Assert.False(during.LastError!.Dead);
        Assert.Equal(0, (await status.GetAsync(CancellationToken.None)).Dead);
        await AssertStoredOnceAsync(connectionString);
    }

    /// <summary>The office closes contacts in chunks over a few seconds, as a working day would, while faults happen.</summary>
    private static async Task ArchiveInChunksAsync(AgentHost agent, string prefix)
    {
        var archiver = agent.Services.GetRequiredService<ContactArchiver>();
        var closed = DateTimeOffset.UtcNow.AddHours(-1);
        for (var chunk = 0; chunk < Contacts / 50; chunk++)
        {
            var contacts = Enumerable.Range(chunk * 50, 50).Select(i => new ClosedContact(
                prefix + i.ToString(CultureInfo.InvariantCulture),
                i % 3 == 0 ? "ambiente-rifiuti.raccolta" : "tributi.tari",
                "telefono",
                "informazione",
                "risolto",
                closed.AddMinutes(-20),
                closed,
                FirstResponseSeconds: 60 + i % 120,
                ResolutionSeconds: 600 + i,
                IstatCode: "066049",
                Text: "Il cittadino chiede quando passa la raccolta differenziata in via Roma.")).ToList();
            var outcomes = await archiver.ArchiveAsync(contacts, CancellationToken.None);
            Assert.All(outcomes, o => Assert.Empty(o.Errors));
            await Task.Delay(100);
        }
    }

    private static async Task WaitUntilAllSentAsync(AgentHost agent)
    {
        var status = agent.Services.GetRequiredService<ArchiveStatusQuery>();
        var final = await WaitForAsync(
            () => status.GetAsync(CancellationToken.None),
            s => s.Sent == Contacts || s.Dead > 0 || s.Refused > 0,
            $"the agent has sent all {Contacts} records");
        Assert.Equal((Contacts, 0, 0, 0), (final.Sent, final.Pending, final.Refused, final.Dead));
    }

    private static async Task AssertStoredOnceAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"""
            SELECT (SELECT count(*) FROM archive_records),
                   (SELECT count(DISTINCT record_id) FROM archive_records),
                   (SELECT coalesce(sum(contacts), 0) FROM archive_rollups WHERE cube = {RollupCube.Category.Id}),
                   (SELECT coalesce(sum(contacts), 0) FROM archive_rollups WHERE cube = {RollupCube.Detail.Id})
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(((long)Contacts, (long)Contacts, (long)Contacts, (long)Contacts),
            (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
    }

    private static async Task<long> StoredAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM archive_records", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static Task<long> WaitForStoredAsync(string connectionString, int atLeast) =>
        WaitForAsync(() => StoredAsync(connectionString), count => count >= atLeast, $"{atLeast} records stored");

    private static Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what) =>
        Eventually.GetAsync(read, done, what, Ceiling);

    /// <summary>
    /// An in-process hub for the administrator's set-up, and the hub the agent talks to as its own process on the same
    /// database, with the same token keys and issuer so a restarted process accepts the agent's tokens.
    /// </summary>
    private sealed class Network : IAsyncDisposable
    {
        private readonly HubServer setup;
        private readonly Dictionary<string, string?> settings;
        private readonly string keys;

        private Network(HubServer setup, Dictionary<string, string?> settings, string keys, HubProcess hub)
        {
            this.setup = setup;
            this.settings = settings;
            this.keys = keys;
            Hub = hub;
        }

        public HubProcess Hub { get; private set; }

        public string ConnectionString => settings["Storage:ConnectionString"]!;

        public static async Task<Network> StartAsync(string? connectionString)
        {
            var keys = TemporaryFolder.Create("archive-fault-keys");
            var port = HubProcess.FreePort();
            var shared = new Dictionary<string, string?>
            {
                // The agent fetches its tokens from the issuer: the hub process's own address.
                ["Auth:Issuer"] = $"http://127.0.0.1:{port}/",
                ["Auth:KeysDirectory"] = keys,
            };
            var setupSettings = new Dictionary<string, string?>(shared);
            if (connectionString is not null)
            {
                setupSettings["Storage:ConnectionString"] = connectionString;
            }

            var setup = await HubServer.StartAsync(StorageKind.Postgres, setupSettings);
            var settings = new Dictionary<string, string?>(shared)
            {
                ["Storage:Provider"] = "Postgres",
                ["Storage:ConnectionString"] = connectionString ?? setup.Database.ConnectionString,
                ["Storage:DataDirectory"] = TemporaryFolder.Create("archive-fault-hub"),
                ["Auth:AllowInsecureHttp"] = "true",
            };
            var hub = await HubProcess.StartAsync(settings, port);
            return new Network(setup, settings, keys, hub);
        }

        public async Task<JoinedAgent> JoinAgentAsync()
        {
            var code = await Offices.LAquilaAsync(await setup.CreateAdminClientAsync());
            var agent = AgentHost.Create(settings: new Dictionary<string, string?>
            {
                ["Archive:BatchSize"] = "100",
                ["Archive:BatchSeconds"] = "1",
                ["Outbox:BaseDelaySeconds"] = "1",
                ["Outbox:MaxDelaySeconds"] = "2",
            });
            await agent.Services.GetRequiredService<JoinService>().JoinAsync(Hub.BaseAddress, code, force: false, CancellationToken.None);
            await agent.App.StartAsync();
            return new JoinedAgent(agent);
        }

        /// <summary>A new hub process on the killed one's port, as an operator's service manager would restart it.</summary>
        public async Task RestartHubAsync()
        {
            var port = Hub.BaseAddress.Port;
            await Hub.DisposeAsync();
            Hub = await HubProcess.StartAsync(settings, port);
        }

        public async ValueTask DisposeAsync()
        {
            await Hub.DisposeAsync();
            await setup.DisposeAsync();
            TemporaryFolder.TryDelete(settings["Storage:DataDirectory"]!);
            TemporaryFolder.TryDelete(keys);
        }
    }

    private sealed class JoinedAgent(AgentHost host) : IAsyncDisposable
    {
        public AgentHost Host { get; } = host;

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            AgentHost.DeleteData(Host.DataDirectory);
        }
    }
}
