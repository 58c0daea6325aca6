namespace LineaHub.Hub.Tickets;

public static class TicketsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddTickets(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TicketsOptions>()
            .BindConfiguration(TicketsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<Nodes.NodeNames>();
        builder.Services.AddScoped<TicketViews>();
        builder.Services.AddScoped<OpenTicket>();
        builder.Services.AddScoped<TicketQueries>();
        builder.Services.AddScoped<MoveTicket>();
        return builder;
    }
}
