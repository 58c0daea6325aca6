using LineaHub.Schemas.Faq;

namespace LineaHub.Hub.Faq;

public static class FaqServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddFaq(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FaqOptions>()
            .BindConfiguration(FaqOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // One index per process, searched concurrently; the synonyms are the database's, set by FaqIndexSync.
        builder.Services.AddSingleton(_ => new FaqIndex());
        builder.Services.AddSingleton<FaqIndexSync>();
        // Registered after storage, so the schema is migrated before the index reads it.
        builder.Services.AddHostedService(provider => provider.GetRequiredService<FaqIndexSync>());
        builder.Services.AddSingleton<FaqSearchLogBuffer>();
        builder.Services.AddHostedService<FaqSearchLogWriter>();
        builder.Services.AddSingleton<FaqSearch>();
        builder.Services.AddScoped<FaqEditing>();
        builder.Services.AddScoped<FaqEditors>();
        builder.Services.AddScoped<FaqChanges>();
        builder.Services.AddScoped<RecordFaqFeedback>();
        builder.Services.AddScoped<IngestFaqSearches>();
        builder.Services.AddScoped<FaqGaps>();
        builder.Services.AddScoped<DraftFaqFromTicket>();
        builder.Services.AddScoped<FaqLearningRetention>();
        return builder;
    }
}
