using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using LineaHub.Hub;
using LineaHub.Hub.Auth;
using LineaHub.Schemas.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace LineaHub.Testing;

/// <summary>
/// The real hub (<see cref="HubApp.Build"/>) on Kestrel at a free port of 127.0.0.1, over real HTTP,
/// with a database and a data folder of its own. Disposing stops it and deletes both.
/// </summary>
public sealed class HubServer : IAsyncDisposable
{
    /// <summary>The environment the hub runs in; neither Development (user secrets) nor Production.</summary>
    public const string EnvironmentName = "Testing";

    private readonly WebApplication app;
    private readonly string folder;
    private readonly List<HttpClient> clients = [];
    private readonly Lock clientsLock = new();
    private int disposed;

    private HubServer(WebApplication app, HubDatabase database, string folder, FakeTimeProvider? time)
    {
        this.app = app;
        this.folder = folder;
        Database = database;
        Time = time;
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.Single());
    }

    /// <summary>Where the hub listens, with the port Kestrel actually bound.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The hub's root services; create a scope for scoped ones (the DbContext, use cases).</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>The hub's database (provider and connection string).</summary>
    public HubDatabase Database { get; }

    /// <summary>The clock the hub reads, when the test supplied one.</summary>
    public FakeTimeProvider? Time { get; }

    /// <summary>The hub's data folder (keys; the SQLite file lives elsewhere, see <see cref="Database"/>).</summary>
    public string DataDirectory => Path.Combine(folder, "data");

    /// <summary>Starts a hub on a fresh database of the given provider.</summary>
    /// <param name="storage">The storage provider.</param>
    /// <param name="configuration">Configuration entries that override the test defaults (e.g. <c>Capacity:ReportIntervalSeconds</c>).</param>
    /// <param name="time">A clock the test controls; it replaces <see cref="TimeProvider.System"/> in the hub.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<HubServer> StartAsync(
        StorageKind storage,
        IDictionary<string, string?>? configuration = null,
        FakeTimeProvider? time = null,
        CancellationToken cancellationToken = default)
    {
        var database = await HubDatabase.CreateAsync(storage, cancellationToken);
        var folder = TemporaryFolder.Create("hub");
        WebApplication? app = null;
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Storage:Provider"] = storage.ToString(),
                ["Storage:ConnectionString"] = database.ConnectionString,
                ["Storage:DataDirectory"] = Path.Combine(folder, "data"),
                ["Auth:AllowInsecureHttp"] = "true",
                // The hub's own log goes to the test output only when something is wrong.
                ["Logging:LogLevel:Default"] = "Warning",
            };
            foreach (var (key, value) in configuration ?? new Dictionary<string, string?>())
            {
                settings[key] = value;
            }

            app = HubApp.Build(
                new WebApplicationOptions
                {
                    ApplicationName = typeof(HubApp).Assembly.GetName().Name,
                    EnvironmentName = EnvironmentName,
                    // Nothing from the test's output folder (appsettings.json) leaks in: the settings above are all.
                    ContentRootPath = folder,
                },
                builder =>
                {
                    builder.Configuration.AddInMemoryCollection(settings);
                    builder.WebHost.UseUrls("http://127.0.0.1:0");
                    // Catch a scoped service taken from the root provider here rather than in production.
                    builder.Host.UseDefaultServiceProvider(provider =>
                    {
                        provider.ValidateScopes = true;
                        provider.ValidateOnBuild = true;
                    });
                },
                builder =>
                {
                    if (time is not null)
                    {
                        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
                    }
                });
            await app.StartAsync(cancellationToken);
            return new HubServer(app, database, folder, time);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            await database.DisposeAsync();
            TemporaryFolder.TryDelete(folder);
            throw;
        }
    }

    /// <summary>An anonymous client for the hub; disposed with the server.</summary>
    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        lock (clientsLock)
        {
            clients.Add(client);
        }

        return client;
    }

    /// <summary>
    /// A client carrying the bearer token of a newly created administrator client, obtained from the
    /// hub's real token endpoint with scope <c>hub.admin</c>.
    /// </summary>
    public async Task<HttpClient> CreateAdminClientAsync(CancellationToken cancellationToken = default)
    {
        AdminCredentials credentials;
        await using (var scope = Services.CreateAsyncScope())
        {
            var name = "test-" + Guid.NewGuid().ToString("N")[..12];
            credentials = await scope.ServiceProvider.GetRequiredService<AdminClients>().CreateAsync(name, cancellationToken);
        }

        var client = CreateClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = credentials.ClientId,
            ["client_secret"] = credentials.ClientSecret,
            ["scope"] = HubScopes.Admin,
        });
        using var response = await client.PostAsync(new Uri(TokenApi.Path, UriKind.Relative), form, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The token endpoint answered {(int)response.StatusCode}: {problem}"));
        }

        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
            ?? throw new InvalidOperationException("The token endpoint answered no token.");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        lock (clientsLock)
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }

        await app.StopAsync();
        await app.DisposeAsync();
        await Database.DisposeAsync();
        TemporaryFolder.TryDelete(folder);
    }

    private sealed record TokenResponse([property: JsonPropertyName("access_token")] string AccessToken);
}
