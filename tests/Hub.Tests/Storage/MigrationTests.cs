using System.Data.Common;
using System.Globalization;
using System.Net;
using LineaHub.Hub.Nodes;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Nodes;
using LineaHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LineaHub.Hub.Tests.Storage;

public sealed class MigrationTests : IDisposable
{
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromMinutes(2));

    private CancellationToken Token => timeout.Token;

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task Migrations_build_the_whole_schema_on_an_empty_database(StorageKind storage)
    {
        await using var database = await HubDatabase.CreateAsync(storage, Token);
        await using var db = database.CreateDbContext();

        var applied = await Migrator(db).MigrateAsync(Token);

        var all = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(all);
        Assert.Equal(all, applied);
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync(Token));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Token));

        var tables = await TableNamesAsync(db);
        foreach (var expected in new[]
        {
            "nodes", "node_join_codes", "node_capacity", "used_client_assertions",
            "OpenIddictApplications", "OpenIddictScopes", "ef_migrations_history",
        })
        {
            Assert.Contains(expected, tables);
        }

        foreach (var table in db.Model.GetEntityTypes().Select(entity => entity.GetTableName()).OfType<string>())
        {
            Assert.Contains(table, tables);
        }
    }

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task The_model_has_no_change_missing_from_the_migrations(StorageKind storage)
    {
        await using var database = await HubDatabase.CreateAsync(storage, Token);
        await using var db = database.CreateDbContext();

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model differs from the {storage} migrations: add a migration for each provider.");
    }

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task A_node_round_trips_through_the_migrated_schema(StorageKind storage)
    {
        await using var database = await HubDatabase.CreateAsync(storage, Token);
        var createdAt = new DateTimeOffset(2026, 3, 2, 8, 30, 15, TimeSpan.Zero);
        var node = new Node
        {
            Id = Guid.NewGuid(),
            Name = "Ufficio anagrafe di prova",
            Kind = NodeKinds.Comune,
            Code = "001272",
            RegionCode = "01",
            Status = NodeStates.Active,
            Competences = ["anagrafe", "tributi"],
            Languages = ["it", "en"],
            OpeningHours = [new OpeningHours(1, "08:30", "12:30"), new OpeningHours(3, "14:00", "17:00")],
            ClientId = "node-test",
            SigningKeyId = "thumbprint",
            CreatedAt = createdAt,
            JoinedAt = createdAt.AddMinutes(5),
            AgentVersion = "1.0.0",
        };
        await using (var db = database.CreateDbContext())
        {
            await Migrator(db).MigrateAsync(Token);
            db.Nodes.Add(node);
            await db.SaveChangesAsync(Token);
        }

        await using (var db = database.CreateDbContext())
        {
            var read = await db.Nodes.AsNoTracking().SingleAsync(n => n.ClientId == "node-test", Token);

            Assert.Equal(node.Id, read.Id);
            Assert.Equal(node.Name, read.Name);
            Assert.Equal(node.Kind, read.Kind);
            Assert.Equal(node.Code, read.Code);
            Assert.Equal(node.RegionCode, read.RegionCode);
            Assert.Equal(node.Status, read.Status);
            Assert.Equal(node.Competences, read.Competences);
            Assert.Equal(node.Languages, read.Languages);
            Assert.Equal(node.OpeningHours, read.OpeningHours);
            Assert.Equal(node.SigningKeyId, read.SigningKeyId);
            Assert.Equal(createdAt, read.CreatedAt);
            Assert.Equal(node.JoinedAt, read.JoinedAt);
            Assert.Null(read.SuspendedAt);
            Assert.Null(read.EncryptionKey);
            Assert.Equal(node.AgentVersion, read.AgentVersion);
        }
    }

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task Migrating_a_started_hub_again_applies_nothing(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage, cancellationToken: Token);
        await using var scope = hub.Services.CreateAsyncScope();
        var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();

        Assert.Empty(await migrator.MigrateAsync(Token));
        Assert.Empty(await migrator.MigrateAsync(Token));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Token));
    }

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task A_started_hub_is_live_and_ready(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage, cancellationToken: Token);
        var client = hub.CreateClient();

        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative), Token);
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task Duration_histograms_kept_per_bucket_become_arrays_and_back(StorageKind storage)
    {
        await using var database = await HubDatabase.CreateAsync(storage, Token);
        await using var db = database.CreateDbContext();
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var histograms = migrations.Single(m => m.EndsWith("_DurationHistograms", StringComparison.Ordinal));
        var before = migrations[migrations.IndexOf(histograms) - 1];
        await migrator.MigrateAsync(before, Token);
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO archive_duration_rollups (cube, day, entity_code, region_code, category, measure, bucket, contacts) VALUES
                (4, '2026-11-02', '', '', 'tributi.tari', 1, 0, 2),
                (4, '2026-11-02', '', '', 'tributi.tari', 1, 3, 5),
                (4, '2026-11-02', '', '', 'tributi.tari', 2, 1, 1),
                (2, '2026-11-03', 'E-LAQ', '13', 'anagrafe', 1, 2, 7)
            """, Token);

        await migrator.MigrateAsync(histograms, Token);

        var converted = (await db.ArchiveDurationRollups.AsNoTracking().ToListAsync(Token))
            .ToDictionary(h => (h.Cube, h.Day, h.EntityCode, h.Measure), h => h.Counts);
        Assert.Equal(3, converted.Count);
        Assert.Equal([2, 0, 0, 5], converted[(4, new DateOnly(2026, 11, 2), "", 1)]);
        Assert.Equal([0, 1], converted[(4, new DateOnly(2026, 11, 2), "", 2)]);
        Assert.Equal([0, 0, 7], converted[(2, new DateOnly(2026, 11, 3), "E-LAQ", 1)]);

        await migrator.MigrateAsync(before, Token);

        var rows = await ReadAsync(db, "SELECT cube, measure, bucket, contacts FROM archive_duration_rollups ORDER BY cube, measure, bucket",
            r => (Long(r, 0), Long(r, 1), Long(r, 2), Long(r, 3)));
        Assert.Equal([(2, 1, 2, 7), (4, 1, 0, 2), (4, 1, 3, 5), (4, 2, 1, 1)], rows);
    }

    public void Dispose() => timeout.Dispose();

    private static DatabaseMigrator Migrator(HubDbContext db) => new(db, NullLogger<DatabaseMigrator>.Instance);

    private async Task<HashSet<string>> TableNamesAsync(HubDbContext db)
    {
        var sql = db.Database.IsNpgsql()
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            : "SELECT name FROM sqlite_master WHERE type = 'table'";
        return (await ReadAsync(db, sql, r => r.GetString(0))).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Rows of a query on the context's own connection, outside EF's model (tables it no longer maps).</summary>
    private async Task<List<T>> ReadAsync<T>(HubDbContext db, string sql, Func<DbDataReader, T> read)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Token);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(Token);
            var rows = new List<T>();
            while (await reader.ReadAsync(Token))
            {
                rows.Add(read(reader));
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>An integer column as a long, whatever width the provider reads it with.</summary>
    private static long Long(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
}
