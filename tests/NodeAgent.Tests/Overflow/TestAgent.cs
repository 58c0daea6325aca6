using LineaHub.NodeAgent.Connection;
using LineaHub.NodeAgent.Join;
using LineaHub.NodeAgent.Outbox;
using LineaHub.NodeAgent.Storage;
using LineaHub.NodeAgent.Tests.Storage;
using LineaHub.Schemas.Auth;
using LineaHub.Schemas.Tickets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Time.Testing;

namespace LineaHub.NodeAgent.Tests.Overflow;

/// <summary>
/// The agent's real composition (<see cref="AgentApp.Build"/>) on a throwaway data folder, joined on paper (an
/// identity file and real keys, no hub), never started: tests call its services directly, on a clock they move.
/// </summary>
internal sealed class TestAgent : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private TestAgent(WebApplication app, string folder, AgentKey encryption, Guid nodeId)
    {
        App = app;
        Folder = folder;
        EncryptionKey = encryption;
        NodeId = nodeId;
    }

    public WebApplication App { get; }

    public string Folder { get; }

    public FakeTimeProvider Clock => (FakeTimeProvider)App.Services.GetRequiredService<TimeProvider>();

    /// <summary>This agent's encryption key pair, as saved in its data folder.</summary>
    public AgentKey EncryptionKey { get; }

    public Guid NodeId { get; }

    public TicketParty Self => new(NodeId, "URP di prova (sintetico)");

    public static async Task<TestAgent> CreateAsync(IDictionary<string, string?>? settings = null, Uri? hubUrl = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "lineahub-tests", "agent-" + Guid.NewGuid().ToString("N"));
        var configuration = new Dictionary<string, string?>
        {
            ["Agent:DataDirectory"] = folder,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var app = AgentApp.Build(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Testing" }, builder =>
        {
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Start));

            // The hub client as the agent names it, minus the token handler: the stand-in hubs here need no auth.
            builder.Services.PostConfigure<HttpClientFactoryOptions>(HubClient.Name, options => options.HttpMessageHandlerBuilderActions.Clear());
        });

        var paths = app.Services.GetRequiredService<AgentPaths>();
        var nodeId = Guid.NewGuid();
        var hub = hubUrl ?? new Uri("http://127.0.0.1:9/");
        var encryption = AgentKey.Generate(PublicJwk.UseEncryption);
        await encryption.SaveAsync(paths.EncryptionKeyFile, CancellationToken.None);
        await app.Services.GetRequiredService<AgentIdentityStore>().SaveIdentityAsync(
            new AgentIdentity(nodeId, $"node-{nodeId:N}", hub, hub, new Uri(hub, "connect/token"), ["network.node"], 15, Start),
            CancellationToken.None);
        return new TestAgent(app, folder, encryption, nodeId);
    }

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Every message waiting in the outbox, oldest first (the fake clock never passes their first attempt).</summary>
    public Task<IReadOnlyList<OutboxMessage>> PendingAsync() => Get<OutboxStore>().GetDueAsync(1000, CancellationToken.None);

    /// <summary>What the agent did with each inbox message, in the order of the hub's ids.</summary>
    public Task<IReadOnlyList<string>> InboxOutcomesAsync() =>
        Get<AgentDatabase>().ReadAsync(
            transaction => transaction.QueryAsync("SELECT outcome FROM inbox_log ORDER BY message_id;", reader => reader.GetString(0), CancellationToken.None),
            CancellationToken.None);

    public Task<IReadOnlyList<long>> InboxMessageIdsAsync() =>
        Get<AgentDatabase>().ReadAsync(
            transaction => transaction.QueryAsync("SELECT message_id FROM inbox_log ORDER BY message_id;", reader => reader.GetInt64(0), CancellationToken.None),
            CancellationToken.None);

    public Task<object?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters) =>
        Get<AgentDatabase>().ReadAsync(transaction => transaction.ScalarAsync(sql, CancellationToken.None, parameters), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        EncryptionKey.Dispose();
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        TestFolders.TryDelete(Folder);
    }
}
