using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LineaHub.Hub.Storage;

/// <summary>Brings the database schema to the latest migration of the configured provider.</summary>
public sealed partial class DatabaseMigrator(HubDbContext db, ILogger<DatabaseMigrator> logger)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        // Asking an empty database for its applied migrations makes EF log a failed SELECT as an error,
        // which would alarm whoever reads the first start's log; ask whether the history exists first.
        var history = db.GetService<IHistoryRepository>();
        var appliedBefore = await history.ExistsAsync(cancellationToken)
            ? (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Count()
            : 0;
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
