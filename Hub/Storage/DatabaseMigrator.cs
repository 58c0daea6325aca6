using Microsoft.EntityFrameworkCore;

namespace LineaHub.Hub.Storage;

/// <summary>Brings the database schema to the latest migration of the configured provider.</summary>
public sealed partial class DatabaseMigrator(HubDbContext db, ILogger<DatabaseMigrator> logger)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (db.Database.IsSqlite())
        {
            var folder = Path.GetDirectoryName(db.Database.GetDbConnection().DataSource);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        // EF takes a database-wide migration lock, so several hub replicas starting together are safe.
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Readers do not block the writer: the embedded hub serves agents while it writes reports.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        LogMigrated(logger, db.Database.ProviderName ?? "unknown", pending.Count);
        return pending;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema current on {Provider}; {Applied} migration(s) applied")]
    private static partial void LogMigrated(ILogger logger, string provider, int applied);
}
