using Microsoft.EntityFrameworkCore;

namespace LineaHub.Hub.Storage;

/// <summary>Provider set-up shared by the running hub and the design-time factories (migrations).</summary>
public static class StorageProviders
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public static void UseSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("ef_migrations_history"))
            .UseSnakeCaseNamingConvention();

    public static void UsePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        builder
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
}
