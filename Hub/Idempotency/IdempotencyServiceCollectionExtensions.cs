namespace LineaHub.Hub.Idempotency;

public static class IdempotencyServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddIdempotency(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdempotencyOptions>()
            .BindConfiguration(IdempotencyOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<IdempotencyStore>();
        builder.Services.AddScoped<IdempotencyRecordPruner>();
        return builder;
    }
}
