namespace LineaHub.Hub.Archive;

public static class ArchiveServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddArchive(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ArchiveOptions>()
            .BindConfiguration(ArchiveOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<IngestArchiveBatch>();
        builder.Services.AddSingleton<ArchivePartitions>();
        builder.Services.AddSingleton<PostgresArchiveWriter>();
        builder.Services.AddSingleton<SqliteArchiveWriter>();
        builder.Services.AddScoped<ArchiveRetention>();
        return builder;
    }
}
