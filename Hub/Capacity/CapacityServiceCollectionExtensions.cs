namespace LineaHub.Hub.Capacity;

public static class CapacityServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddCapacity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CapacityOptions>()
            .BindConfiguration(CapacityOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<CapacityReports>();
        return builder;
    }
}
