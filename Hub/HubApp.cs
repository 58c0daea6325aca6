using LineaHub.Hub.Archive;
using LineaHub.Hub.Analytics;
using LineaHub.Hub.Auth;
using LineaHub.Hub.Capacity;
using LineaHub.Hub.Errors;
using LineaHub.Hub.Faq;
using LineaHub.Hub.Idempotency;
using LineaHub.Hub.Nodes;
using LineaHub.Hub.Scheduling;
using LineaHub.Hub.Storage;
using LineaHub.Hub.Taxonomy;
using LineaHub.Hub.Overflow;
using LineaHub.Hub.Tickets;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace LineaHub.Hub;

/// <summary>
/// Composition of the hub: <see cref="Program"/> uses it, and so do the tests and the local-network
/// sample, so all three run exactly the same application.
/// </summary>
public static class HubApp
{
    /// <summary>Default request body limit: ample for JSON commands, small enough to refuse junk early.</summary>
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    /// <param name="options">Host options (arguments, environment, content root).</param>
    /// <param name="configure">Runs before the hub's services are added: configuration sources, web host settings.</param>
    /// <param name="overrideServices">Runs after the hub's services are added, so its registrations win
    /// (a fake <see cref="TimeProvider"/> in tests).</param>
    public static WebApplication Build(
        WebApplicationOptions options,
        Action<WebApplicationBuilder>? configure = null,
        Action<WebApplicationBuilder>? overrideServices = null)
    {
        var builder = WebApplication.CreateBuilder(options);
        configure?.Invoke(builder);
        builder.AddHubServices();
        overrideServices?.Invoke(builder);
        var app = builder.Build();
        app.MapHub();
        return app;
    }

    public static WebApplicationBuilder AddHubServices(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize =
            builder.Configuration.GetValue<long?>("Hub:MaxRequestBodyBytes") ?? DefaultMaxRequestBodyBytes);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHubErrors();
        builder.AddHubStorage();
        builder.AddIdempotency();
        builder.AddHubAuth();
        builder.AddNodes();
        builder.AddCapacity();
        builder.AddTickets();
        builder.AddOverflow();
        builder.AddAnalytics();
        builder.AddArchive();
        builder.AddFaq();
        // Quartz keeps wall-clock time of its own; only the first run's start is computed here.
        builder.Services.AddHubScheduling(TimeProvider.System);
        builder.Services.AddHubOpenApi();
        return builder;
    }

    public static WebApplication MapHub(this WebApplication app)
    {
        app.UseExceptionHandler();
        // Every bare error status (401 from the token validator, 404 of an unknown route) gets a problem body.
        app.UseStatusCodePages();
        if (app.Environment.IsDevelopment())
        {
            app.UseSwaggerUI();
        }

        app.UseSwagger();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapTokenApi();
        app.MapTaxonomyApi();
        app.MapJoinApi();
        app.MapNodesAdminApi();
        app.MapCapacityApi();
        app.MapTicketsApi();
        app.MapInboxApi();
        app.MapAnalyticsApi();
        app.MapArchiveApi();
        app.MapFaqApi();
        return app;
    }
}
