namespace LineaHub.Hub.Nodes;

public static class NodesServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddNodes(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<NodesOptions>()
            .BindConfiguration(NodesOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<NodeRegistry>();
        builder.Services.AddScoped<JoinNetwork>();
        builder.Services.AddScoped<RotateSigningKey>();
        builder.Services.AddScoped<NodeCaller>();
        builder.Services.AddSingleton<CallerNodes>();
        builder.Services.AddJoinRateLimit();
        return builder;
    }
}
