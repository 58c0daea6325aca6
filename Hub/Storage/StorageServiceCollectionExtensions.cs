using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Storage;

public static class StorageServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddHubStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var options = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var dataDirectory = ResolveDataDirectory(options);

        if (options.Provider == StorageProviders.Postgres)
        {
            var connectionString = options.ConnectionString
                ?? throw new OptionsValidationException(StorageOptions.Section, typeof(StorageOptions),
                    ["Storage:ConnectionString is required when Storage:Provider is Postgres."]);
            // Pooled: each request reuses a context (reset when returned) instead of building one and its internal
            // services, which the dispatch benchmark showed as a visible share of the hub's CPU per request.
            builder.Services.AddDbContextPool<HubDbContext, PostgresHubDbContext>(db => StorageProviders.UsePostgres(db, connectionString));
        }
        else
        {
            var connectionString = options.ConnectionString ?? $"Data Source={Path.Combine(dataDirectory, "hub.db")}";
            builder.Services.AddDbContextPool<HubDbContext, SqliteHubDbContext>(db => StorageProviders.UseSqlite(db, connectionString));
        }

        builder.Services.AddSingleton(new HubDataDirectory(dataDirectory));
        builder.Services.AddScoped<DatabaseMigrator>();
        // Registered before the web server's own hosted service, so the schema is current before the first request.
        builder.Services.AddHostedService<MigrateOnStartService>();
        builder.Services.AddHealthChecks().AddDbContextCheck<HubDbContext>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>A relative data folder is relative to the working directory, as operators expect of a command.</summary>
    private static string ResolveDataDirectory(StorageOptions options)
    {
        var path = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(path);
        return path;
    }
}
