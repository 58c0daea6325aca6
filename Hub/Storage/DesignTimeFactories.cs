using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LineaHub.Hub.Storage;

// Used only by `dotnet ef migrations add`: the connection strings are never opened.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHubDbContext>
{
    public SqliteHubDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteHubDbContext>();
        StorageProviders.UseSqlite(builder, "Data Source=design-time.db");
        return new SqliteHubDbContext(builder.Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresHubDbContext>
{
    public PostgresHubDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresHubDbContext>();
        StorageProviders.UsePostgres(builder, "Host=localhost;Database=design_time");
        return new PostgresHubDbContext(builder.Options);
    }
}
