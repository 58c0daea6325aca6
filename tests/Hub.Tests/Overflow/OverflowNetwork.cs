using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using LineaHub.Schemas.Capacity;
using LineaHub.Schemas.Nodes;
using LineaHub.Schemas.Overflow;
using LineaHub.Schemas.Tickets;
using LineaHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace LineaHub.Hub.Tests.Overflow;

/// <summary>An office in an overflow test: its joined identity (with its private keys) and a client with its token.</summary>
internal sealed class Office(JoinedNode node, HttpClient client) : IDisposable
{
    public JoinedNode Node { get; } = node;

    public HttpClient Client { get; } = client;

    public Guid Id => Node.NodeId;

    public void Dispose() => Node.Dispose();
}

/// <summary>Offices, capacity reports, tickets and inboxes over the hub's HTTP API, as agents would use them.</summary>
internal static class OverflowNetwork
{
    public static readonly CapacityReport Idle = new(3, 0, 300, true, true);

    public static OpenTicketRequest TicketRequest(bool hasContact = false) =>
        new("anagrafe.residenza", "telefono", "informazione", "Cambio di residenza: documenti necessari", DateTimeOffset.UtcNow.AddDays(3), HasContact: hasContact);

    /// <summary>Registers and joins an office competent for <paramref name="competences"/>, open at any hour, and reports <paramref name="capacity"/>.</summary>
    public static async Task<Office> OfficeAsync(
        this HubServer hub, HttpClient admin, CapacityReport? capacity = null, string[]? competences = null, string region = "13", string[]? languages = null)
    {
        var created = await admin.CreateNodeAsync(NetworkFixtures.NodeRequest() with
        {
            Competences = competences ?? ["anagrafe"],
            RegionCode = region,
            Languages = languages ?? ["it"],
            OpeningHours = [],
        });
        var joined = await hub.JoinAsync(created.JoinCode.Code);
        var office = new Office(joined, await hub.NodeClientAsync(joined));
        if (capacity is not null)
        {
            await office.ReportAsync(capacity);
        }

        return office;
    }

    public static async Task ReportAsync(this Office office, CapacityReport capacity)
    {
        using var response = await office.Client.PutAsJsonAsync("/api/v1/nodes/me/capacity", capacity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static async Task<TicketView> OpenAsync(this Office office, OpenTicketRequest? request = null)
    {
        using var response = await office.Client.PostAsJsonAsync("/api/v1/tickets", request ?? TicketRequest());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TicketView>())!;
    }

    public static Task<HttpResponseMessage> MoveAsync(this Office office, string code, string action) =>
        office.Client.PostAsJsonAsync($"/api/v1/tickets/{code}/events", new TicketEventRequest(action, null, null));

    /// <summary>Does <paramref name="action"/> and expects it to succeed.</summary>
    public static async Task<TicketView> MovedAsync(this Office office, string code, string action)
    {
        using var response = await office.MoveAsync(code, action);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action} on {code}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<TicketView>())!;
    }

    public static async Task<TicketView> TicketAsync(this Office office, string code) =>
        (await office.Client.GetFromJsonAsync<TicketView>($"/api/v1/tickets/{code}"))!;

    public static async Task<IReadOnlyList<InboxMessage>> InboxAsync(this Office office, int waitSeconds = 0)
    {
        var page = await office.Client.GetFromJsonAsync<InboxPage>($"/api/v1/inbox?waitSeconds={waitSeconds}");
        return page!.Messages;
    }

    public static async Task AcknowledgeAsync(this Office office, long upTo)
    {
        using var response = await office.Client.PostAsJsonAsync("/api/v1/inbox/ack", new InboxAckRequest(upTo));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>Waits (wall clock) until <paramref name="condition"/> holds on the ticket as <paramref name="office"/> sees it.</summary>
    public static async Task<TicketView> EventuallyAsync(this Office office, string code, Func<TicketView, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var ticket = await office.TicketAsync(code);
            if (condition(ticket))
            {
                return ticket;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Within 20 s: {what}. Ticket is {ticket.Status}, history: {string.Join(", ", ticket.History.Select(h => h.Action))}");
            await Task.Delay(50);
        }
    }

    /// <summary>Every value of every row of every table of the hub's database, as text: where personal data must not be.</summary>
    public static async Task<string> EverythingStoredAsync(this HubServer hub)
    {
        await using var db = hub.Database.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        var listTables = hub.Database.Storage == StorageKind.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = listTables;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var text = new StringBuilder();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                AppendRow(reader, text);
            }
        }

        return text.ToString();
    }

    private static void AppendRow(DbDataReader reader, StringBuilder text)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var value = reader.GetValue(i);
            text.Append(value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : value.ToString()).Append('\t');
        }

        text.AppendLine();
    }
}
