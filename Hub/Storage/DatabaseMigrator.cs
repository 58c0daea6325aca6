using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LineaHub.Hub.Storage;

/// <summary>Brings the database schema to the latest migration of the configured provider.</summary>
public sealed partial class DatabaseMigrator(HubDbContext db, ILogger<DatabaseMigrator> logger)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        // On an empty PostgreSQL database EF reads the history table before creating it and logs the failed
        // SELECT as an error (dotnet/efcore#37328), which would alarm whoever reads a first start's log.
        // Creating the (empty) history table first is what EF would do a moment later anyway.
        var history = db.GetService<IHistoryRepository>();
        await history.CreateIfNotExistsAsync(cancellationToken);
        var appliedBefore = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Count();
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

        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        LogMigrated(logger, db.Database.ProviderName ?? "unknown", applied.Count - appliedBefore);
        return applied.Skip(appliedBefore).ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema current on {Provider}; {Applied} migration(s) applied")]
    private static partial void LogMigrated(ILogger logger, string provider, int applied);
}
