using LineaHub.Hub.Tickets;

namespace LineaHub.Hub.Overflow;

public static class OverflowServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddOverflow(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OverflowOptions>()
            .BindConfiguration(OverflowOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Overflow:TimeZone is not a known time zone.")
            .ValidateOnStart();
        builder.Services.AddSingleton<InboxSignal>();
        builder.Services.AddSingleton<DispatchSnapshots>();
        builder.Services.AddScoped<Inbox>();
        builder.Services.AddScoped<TicketJournal>();
        builder.Services.AddScoped<OverflowDispatcher>();
        builder.Services.AddScoped<OverflowSweep>();
        builder.Services.AddScoped<HandOverContact>();
        builder.Services.AddScoped<InboxPruner>();
        builder.Services.AddHostedService<OverflowSweeper>();
        return builder;
    }
}
