using System.Net;
using System.Net.Http.Json;
using LineaHub.NodeAgent.Join;
using LineaHub.NodeAgent.Overflow;
using LineaHub.NodeAgent.Tickets;
using LineaHub.Schemas.Capacity;
using LineaHub.Schemas.Tickets;
using LineaHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LineaHub.EndToEnd.Tests;

/// <summary>
/// Two running offices of one network, as the overflow exchange needs them: the origin (Celano, competent for
/// anagrafe) and a receiver (L'Aquila, competent for ambiente-rifiuti, speaking Italian) whose capacity report the hub
/// already holds, accepting overflow. Each is driven through its local API, as the office's own system would.
/// </summary>
internal sealed class TwoOffices : IAsyncDisposable
{
    /// <summary>A category only the receiver is competent for.</summary>
    public const string Category = "ambiente-rifiuti.raccolta";

    private TwoOffices(AgentHost origin, AgentHost receiver)
    {
        Origin = origin;
        Receiver = receiver;
    }

    public AgentHost Origin { get; }

    public AgentHost Receiver { get; private set; }

    public HttpClient OriginApi { get; private set; } = null!;

    public HttpClient ReceiverApi { get; private set; } = null!;

    /// <param name="hubAddress">Where the agents reach the hub: the hub itself, or a <see cref="HubLink"/> to it.</param>
    /// <param name="originSettings">The origin agent's configuration, e.g. its overflow policy.</param>
    public static async Task<TwoOffices> StartAsync(HubServer hub, Uri hubAddress, IDictionary<string, string?>? originSettings = null)
    {
        var admin = await hub.CreateAdminClientAsync();
        var originCode = await Offices.CelanoAsync(admin);
        var receiverCode = await Offices.LAquilaAsync(admin);
        var offices = new TwoOffices(AgentHost.Create(settings: originSettings), AgentHost.Create());
        try
        {
            await offices.Origin.Services.GetRequiredService<JoinService>().JoinAsync(hubAddress, originCode, force: false, CancellationToken.None);
            var receiver = await offices.Receiver.Services.GetRequiredService<JoinService>().JoinAsync(hubAddress, receiverCode, force: false, CancellationToken.None);
            await offices.Origin.App.StartAsync();
            await offices.Receiver.App.StartAsync();
            offices.Connect();
            using var set = await offices.ReceiverApi.PutAsJsonAsync("api/v1/capacity", new CapacityReport(3, 0, 300, true, true));
            set.EnsureSuccessStatusCode();
            await JoinFlowTests.WaitForReportAsync(admin, receiver.NodeId, report => report.OperatorsOnline == 3);
            return offices;
        }
        catch
        {
            await offices.DisposeAsync();
            throw;
        }
    }

    /// <summary>The receiver's agent process ends and starts again on the same data folder.</summary>
    public async Task RestartReceiverAsync()
    {
        await Receiver.DisposeAsync();
        Receiver = AgentHost.Create(Receiver.DataDirectory);
        await Receiver.App.StartAsync();
        Connect();
    }

    /// <summary>Opens a ticket at the origin through its local API, with the citizen's contact data.</summary>
    public async Task<TicketQueued> OpenAsync(Schemas.Handover.CitizenContact contact)
    {
        using var response = await OriginApi.PostAsJsonAsync("api/v1/tickets", new LocalOpenTicketRequest(
            Category, "telefono", "segnalazione", "Mancato ritiro degli ingombranti prenotati", DateTimeOffset.UtcNow.AddDays(5), Contact: contact));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TicketQueued>())!;
    }

    /// <summary>An office acts on a ticket through its local API (queued for the hub).</summary>
    public static async Task MoveAsync(HttpClient office, string code, string action)
    {
        using var response = await office.PostAsJsonAsync($"api/v1/tickets/{code}/events", new TicketEventRequest(action, null, null));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The received ticket as the receiver's local API shows it, contact data opened; null until it arrives.</summary>
    public async Task<ReceivedTicket?> ReceivedAsync(string code)
    {
        using var response = await ReceiverApi.GetAsync($"api/v1/overflow/received/{code}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ReceivedTicket>();
    }

    /// <summary>Waits until the origin's inbox brought the change <paramref name="action"/> of its ticket.</summary>
    public Task<OverflowStatus?> OriginSeesAsync(string code, string action) =>
        Eventually.GetAsync(
            () => OriginApi.GetFromJsonAsync<OverflowStatus>("api/v1/overflow"),
            status => status!.RecentMessages.Any(m => m.TicketCode == code && m.Action == action),
            $"the origin learning of '{action}' on {code}");

    /// <summary>The inbox messages an office handled about <paramref name="code"/>, by kind, oldest first.</summary>
    public static async Task<IReadOnlyList<string>> InboxKindsAsync(AgentHost office, string code)
    {
        var log = office.Services.GetRequiredService<InboxLog>();
        var entries = await office.Services.GetRequiredService<NodeAgent.Storage.AgentDatabase>().ReadAsync(
            transaction => log.ListRecentAsync(transaction, 1000, CancellationToken.None), CancellationToken.None);
        return [.. entries.Where(e => e.TicketCode == code).OrderBy(e => e.MessageId).Select(e => e.Kind)];
    }

    public async ValueTask DisposeAsync()
    {
        OriginApi?.Dispose();
        ReceiverApi?.Dispose();
        foreach (var office in new[] { Origin, Receiver })
        {
            await office.DisposeAsync();
            AgentHost.DeleteData(office.DataDirectory);
        }
    }

    private void Connect()
    {
        OriginApi?.Dispose();
        ReceiverApi?.Dispose();
        OriginApi = new HttpClient { BaseAddress = Origin.LocalApi };
        ReceiverApi = new HttpClient { BaseAddress = Receiver.LocalApi };
    }
}
