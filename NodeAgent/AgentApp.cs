using LineaHub.NodeAgent.Archive;
using LineaHub.NodeAgent.Capacity;
using LineaHub.NodeAgent.Connection;
using LineaHub.NodeAgent.Faq;
using LineaHub.NodeAgent.Join;
using LineaHub.NodeAgent.Local;
using LineaHub.NodeAgent.Outbox;
using LineaHub.NodeAgent.Overflow;
using LineaHub.NodeAgent.Tickets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LineaHub.NodeAgent;

/// <summary>
/// Composition of the agent, shared by <see cref="Program"/>, the tests and the local-network sample.
/// </summary>
public static class AgentApp
{
    public const string DefaultUrls = "http://127.0.0.1:5090";

    public static WebApplication Build(WebApplicationOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(options);
        configure?.Invoke(builder);
        builder.AddAgentServices();
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapLocalApi();
        app.MapLocalTicketsApi();
        app.MapOverflowApi();
        app.MapArchiveApi();
        app.MapFaqApi();
        return app;
    }

    public static WebApplicationBuilder AddAgentServices(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }

        var services = builder.Services;
        services.AddProblemDetails();
        // A clock registered before (a test's fake one) wins.
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AgentOptions>().BindConfiguration(AgentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CapacityOptions>().BindConfiguration(CapacityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => new AgentPaths(provider.GetRequiredService<IOptions<AgentOptions>>().Value.DataDirectory));
        services.AddSingleton<AgentIdentityStore>();
        services.AddSingleton<HubTokenClient>();
        services.AddTransient<HubAuthorizationHandler>();
        services.AddHttpClient(HubTokenClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(HubClient.Name, client => client.Timeout = TimeSpan.FromSeconds(30))
            .AddHttpMessageHandler<HubAuthorizationHandler>();
        services.AddSingleton<JoinService>();
        services.AddSingleton<KeyRotationService>();
        services.AddSingleton<CapacityState>();
        services.AddSingleton<CapacityReporter>();
        services.AddHostedService(provider => provider.GetRequiredService<CapacityReporter>());
        builder.AddOutbox();
        services.AddOptions<LocalTicketsOptions>().BindConfiguration(LocalTicketsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LocalTickets>();
        builder.AddOverflow();
        builder.AddArchive();
        builder.AddFaq();
        return builder;
    }
}
