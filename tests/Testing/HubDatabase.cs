using LineaHub.Hub.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LineaHub.Testing;

/// <summary>
/// An empty database of its own for one test: a SQLite file in a temporary folder, or a fresh database
/// in the shared <see cref="PostgresCluster"/>. Disposing deletes it.
/// </summary>
public sealed class HubDatabase : IAsyncDisposable
{
    private readonly string? folder;

    private HubDatabase(StorageKind storage, string connectionString, string? folder)
    {
        Storage = storage;
        ConnectionString = connectionString;
        this.folder = folder;
    }

    public StorageKind Storage { get; }

    /// <summary>The value for <c>Storage:ConnectionString</c>.</summary>
    public string ConnectionString { get; }

    public static async Task<HubDatabase> CreateAsync(StorageKind storage, CancellationToken cancellationToken = default)
    {
        switch (storage)
        {
            case StorageKind.Sqlite:
                var folder = TemporaryFolder.Create("db");
                return new HubDatabase(storage, new SqliteConnectionStringBuilder
                {
                    DataSource = Path.Combine(folder, "hub.db"),
                }.ConnectionString, folder);
            case StorageKind.Postgres:
                var cluster = await PostgresCluster.GetSharedAsync(cancellationToken);
                return new HubDatabase(storage, await cluster.CreateDatabaseAsync(cancellationToken), folder: null);
            default:
                throw new ArgumentOutOfRangeException(nameof(storage), storage, "Unknown storage provider.");
        }
    }

    /// <summary>A context of the provider's own type, as the hub builds it (its migrations, its naming).</summary>
    public HubDbContext CreateDbContext()
    {
        if (Storage == StorageKind.Sqlite)
        {
            var options = new DbContextOptionsBuilder<SqliteHubDbContext>();
            StorageProviders.UseSqlite(options, ConnectionString);
            return new SqliteHubDbContext(options.Options);
        }

        var postgres = new DbContextOptionsBuilder<PostgresHubDbContext>();
        StorageProviders.UsePostgres(postgres, ConnectionString);
        return new PostgresHubDbContext(postgres.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (Storage == StorageKind.Postgres)
        {
            var cluster = await PostgresCluster.GetSharedAsync();
            await cluster.DropDatabaseAsync(ConnectionString);
            return;
        }

        // Pooled connections keep the file open.
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        TemporaryFolder.TryDelete(folder);
    }
}
