using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LineaHub.Hub;
using LineaHub.Hub.Auth;
using LineaHub.NodeAgent;
using LineaHub.NodeAgent.Connection;
using LineaHub.NodeAgent.Join;
using LineaHub.Schemas.Auth;
using LineaHub.Schemas.Capacity;
using LineaHub.Schemas.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace LineaHub.Samples.LocalNetwork;

/// <summary>
/// A whole network on one machine: a hub on the embedded store and one agent per office, each in its
/// own data folder, joined through the real flow over real HTTP on 127.0.0.1, then synthetic traffic
/// moving their queues — municipalities with callers waiting open shared tickets, which the agents' overflow
/// policies hand to a peer with room — while the hub's network view and each office's overflow are printed.
/// </summary>
public sealed class LocalNetworkRunner(LocalNetworkOptions options, TextWriter output) : IAsyncDisposable
{
    private readonly List<WebApplication> _apps = [];
    private readonly HttpClient _http = new();

    public Uri? HubUrl { get; private set; }

    public IReadOnlyList<(Office Office, Uri LocalApi)> Agents { get; private set; } = [];

    /// <summary>Shared tickets the demo's municipalities opened.</summary>
    public int TicketsOpened { get; private set; }

    /// <summary>Contacts the demo's offices closed (and so archived) so far.</summary>
    public int ContactsArchived { get; private set; }

    /// <summary>FAQ searches the demo's operators ran on their offices' replicas so far.</summary>
    public int FaqSearches { get; private set; }

    /// <summary>The last network view printed.</summary>
    public NetworkView? LastView { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Directory.Exists(options.DataDirectory))
        {
            Directory.Delete(options.DataDirectory, recursive: true);
        }

        Directory.CreateDirectory(options.DataDirectory);
        output.WriteLine($"LineaHub — rete locale di prova. Dati in {options.DataDirectory}");

        var hub = await StartHubAsync(cancellationToken);
        var admin = await CreateAdminAsync(hub, cancellationToken);
        var analyst = await CreateAnalystAsync(hub, cancellationToken);
        output.WriteLine($"Hub avviato su {HubUrl} (SQLite). Client amministrativo: {admin.ClientId}; client analista: {analyst.ClientId}");

        var agents = new List<(Office, Uri)>();
        var port = options.FirstAgentPort;
        foreach (var office in Office.Abruzzo)
        {
            var code = await RegisterAsync(admin, office, cancellationToken);
            var localApi = await StartAgentAsync(office, code, options.FirstAgentPort == 0 ? 0 : port++, cancellationToken);
            agents.Add((office, localApi));
            output.WriteLine($"  {office.Name,-28} ISTAT {office.Code,-6} aderito con il codice {code}; API locale {localApi}");
            if (office.Kind == NodeKinds.Regione)
            {
                // The region's FAQ entries, written with its agent's own token as its office would through the hub's
                // API, before the municipalities start: their replicas hold them from their first sync.
                var regionHub = _apps[^1].Services.GetRequiredService<IHttpClientFactory>().CreateClient(HubClient.Name);
                await DemoFaq.PublishAsync(regionHub, HubUrl!, cancellationToken);
                output.WriteLine($"  {office.Name} ha pubblicato le sue FAQ regionali; ogni ufficio le cerca nella propria copia locale");
            }
        }

        Agents = agents;
        PrintUrls();
        await TrafficAndViewLoopAsync(admin, analyst, cancellationToken);
    }

    private async Task<WebApplication> StartHubAsync(CancellationToken cancellationToken)
    {
        var hub = HubApp.Build(
            new WebApplicationOptions { EnvironmentName = Environments.Development, ContentRootPath = AppContext.BaseDirectory },
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Storage:Provider"] = "Sqlite",
                    ["Storage:DataDirectory"] = Path.Combine(options.DataDirectory, "hub"),
                    ["Auth:AllowInsecureHttp"] = "true",
                    ["Capacity:ReportIntervalSeconds"] = options.ReportIntervalSeconds.ToString(CultureInfo.InvariantCulture),
                    ["Logging:LogLevel:Default"] = "Warning",
                });
                builder.WebHost.UseUrls($"http://127.0.0.1:{options.HubPort}");
            });
        _apps.Add(hub);
        await hub.StartAsync(cancellationToken);
        HubUrl = new Uri(BoundAddress(hub) + "/");
        return hub;
    }

    private static async Task<ClientSession> CreateAdminAsync(WebApplication hub, CancellationToken cancellationToken)
    {
        await using var scope = hub.Services.CreateAsyncScope();
        var credentials = await scope.ServiceProvider.GetRequiredService<AdminClients>().CreateAsync("demo", cancellationToken);
        return new ClientSession(credentials.ClientId, credentials.ClientSecret, HubScopes.Admin);
    }

    /// <summary>An analyst's client (scope analytics.read), as <c>LineaHub.Hub analyst create --name demo</c> makes one.</summary>
    private static async Task<ClientSession> CreateAnalystAsync(WebApplication hub, CancellationToken cancellationToken)
    {
        await using var scope = hub.Services.CreateAsyncScope();
        var credentials = await scope.ServiceProvider.GetRequiredService<AnalystClients>().CreateAsync("demo", cancellationToken);
        return new ClientSession(credentials.ClientId, credentials.ClientSecret, HubScopes.Analytics);
    }

    private async Task<string> RegisterAsync(ClientSession admin, Office office, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(HubUrl!, "api/v1/admin/nodes"))
        {
            Content = JsonContent.Create(office.ToRequest()),
        };
        request.Headers.Authorization = await TokenAsync(admin, cancellationToken);
        using var response = await _http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<CreatedNodeResponse>(cancellationToken);
        return created!.JoinCode.Code;
    }

    private async Task<Uri> StartAgentAsync(Office office, string joinCode, int port, CancellationToken cancellationToken)
    {
        var agent = AgentApp.Build(
            new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory },
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Agent:DataDirectory"] = Path.Combine(options.DataDirectory, office.Slug),
                    ["Capacity:OperatorsOnline"] = office.Operators.ToString(CultureInfo.InvariantCulture),
                    ["Logging:LogLevel:Default"] = "Warning",
                });
                builder.Configuration.AddInMemoryCollection(DemoTickets.AgentSettings);
                // Archive batches every two seconds, so the demo's trends move while one watches.
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Archive:BatchSeconds"] = "2" });
                // The FAQ replica follows the hub every few seconds, and search logs leave quickly, for the same reason.
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Faq:SyncIntervalSeconds"] = "2",
                    ["Faq:SearchLogBatchSeconds"] = "5",
                });
                builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            });
        _apps.Add(agent);
        // The same code path as `NodeAgent join --hub URL --code CODE`.
        await agent.Services.GetRequiredService<JoinService>().JoinAsync(HubUrl!, joinCode, force: false, cancellationToken);
        await agent.StartAsync(cancellationToken);
        return new Uri(BoundAddress(agent) + "/");
    }

    private void PrintUrls()
    {
        output.WriteLine();
        output.WriteLine("Da guardare:");
        output.WriteLine($"  OpenAPI (Swagger UI)   {HubUrl}swagger");
        output.WriteLine($"  Discovery OAuth        {HubUrl}.well-known/openid-configuration");
        output.WriteLine($"  Tassonomia             {HubUrl}api/v1/taxonomy");
        output.WriteLine($"  Salute                 {HubUrl}health/ready");
        foreach (var (office, localApi) in Agents)
        {
            output.WriteLine($"  Agente {office.Slug,-16} {localApi}api/v1/status");
        }

        output.WriteLine();
    }

    private async Task TrafficAndViewLoopAsync(ClientSession admin, ClientSession analyst, CancellationToken cancellationToken)
    {
        var traffic = new SyntheticTraffic(Agents.Select(a => a.Office).ToList());
        var tickets = new DemoTickets(_http);
        var archive = new DemoArchive(_http);
        var faq = new DemoFaq(_http);
        var started = DateTimeOffset.UtcNow;
        var interval = TimeSpan.FromSeconds(options.ReportIntervalSeconds);
        while (!cancellationToken.IsCancellationRequested && (options.Duration is null || DateTimeOffset.UtcNow - started < options.Duration))
        {
            foreach (var (office, localApi) in Agents)
            {
                var capacity = traffic.Next(office);
                using var response = await _http.PutAsJsonAsync(new Uri(localApi, "api/v1/capacity"), capacity, cancellationToken);
                response.EnsureSuccessStatusCode();
                await tickets.OpenAsync(office, localApi, capacity.QueueLength ?? 0, cancellationToken);
                await archive.CloseContactsAsync(office, localApi, cancellationToken);
            }

            try
            {
                await Task.Delay(interval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await PrintNetworkAsync(admin, started, CancellationToken.None);
            await tickets.PrintAsync(Agents, output, CancellationToken.None);
            await archive.PrintAsync(Agents, HubUrl!, await TokenAsync(analyst, CancellationToken.None), output, CancellationToken.None);
            TicketsOpened = tickets.Opened;
            ContactsArchived = archive.Closed;
            await faq.SearchAsync(Agents, output, CancellationToken.None);
            FaqSearches = faq.Searches;
        }
    }

    private async Task PrintNetworkAsync(ClientSession admin, DateTimeOffset started, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(HubUrl!, "api/v1/admin/network"));
        request.Headers.Authorization = await TokenAsync(admin, cancellationToken);
        using var response = await _http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var view = (await response.Content.ReadFromJsonAsync<NetworkView>(cancellationToken))!;
        LastView = view;
        output.WriteLine($"[{(view.At - started).TotalSeconds,4:0}s] rete vista dall'hub (GET /api/v1/admin/network):");
        output.WriteLine($"  {"nodo",-28} {"stato",-9} {"operatori",9} {"in coda",8} {"TMG s",6} {"overflow",9} {"ultimo rapporto",16}");
        foreach (var node in view.Nodes)
        {
            var report = node.LastReport;
            output.WriteLine(report is null
                ? $"  {node.Name,-28} {node.State,-9} {"-",9} {"-",8} {"-",6} {"-",9} {"mai",16}"
                : $"  {node.Name,-28} {node.State,-9} {report.OperatorsOnline,9} {report.QueueLength,8} {report.AverageHandlingSeconds,6} {(report.AcceptingOverflow ? "sì" : "no"),9} {(view.At - report.ReceivedAt).TotalSeconds,13:0.0} s fa");
        }
    }

    private async Task<AuthenticationHeaderValue> TokenAsync(ClientSession client, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.ClientSecret,
            ["scope"] = client.Scope,
        });
        using var response = await _http.PostAsync(new Uri(HubUrl!, "connect/token"), form, cancellationToken);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
    }

    private static string BoundAddress(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

    public async ValueTask DisposeAsync()
    {
        // Agents first, hub last: the agents' last calls still find it.
        for (var i = _apps.Count - 1; i >= 0; i--)
        {
            await _apps[i].StopAsync();
            await _apps[i].DisposeAsync();
        }

        _http.Dispose();
    }

    private sealed record ClientSession(string ClientId, string ClientSecret, string Scope);
}
