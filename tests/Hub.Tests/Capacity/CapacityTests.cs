using System.Net;
using System.Net.Http.Json;
using System.Text;
using LineaHub.Schemas.Capacity;
using LineaHub.Schemas.Nodes;
using LineaHub.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LineaHub.Hub.Tests.Capacity;

public sealed class CapacityTests
{
    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Latest_report_replaces_the_previous_one(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var admin = await hub.CreateAdminClientAsync();
        using var node = await hub.JoinNewNodeAsync(admin);
        var client = await hub.NodeClientAsync(node);

        using var first = await client.PutAsJsonAsync("/api/v1/nodes/me/capacity", new CapacityReport(2, 10, 300, true, true));
        using var second = await client.PutAsJsonAsync("/api/v1/nodes/me/capacity", new CapacityReport(4, 1, 200, false, true));

        var accepted = await second.Content.ReadFromJsonAsync<CapacityReportAccepted>();
        Assert.Equal(15, accepted!.NextReportInSeconds);
        var report = (await admin.GetFromJsonAsync<NetworkView>("/api/v1/admin/network"))!.Nodes.Single().LastReport!;
        Assert.Equal((4, 1, 200, false), (report.OperatorsOnline, report.QueueLength, report.AverageHandlingSeconds, report.AcceptingOverflow));
    }

    public static TheoryData<string, string> InvalidReports => new()
    {
        { """{"queueLength":0,"averageHandlingSeconds":300,"acceptingOverflow":true,"officeOpen":true}""", "operatorsOnline" },
        { """{"operatorsOnline":-1,"queueLength":0,"averageHandlingSeconds":300,"acceptingOverflow":true,"officeOpen":true}""", "operatorsOnline" },
        { """{"operatorsOnline":1,"queueLength":2000000,"averageHandlingSeconds":300,"acceptingOverflow":true,"officeOpen":true}""", "queueLength" },
        { """{"operatorsOnline":1,"queueLength":0,"averageHandlingSeconds":0,"acceptingOverflow":true,"officeOpen":true}""", "averageHandlingSeconds" },
        { """{"operatorsOnline":1,"queueLength":0,"averageHandlingSeconds":300,"officeOpen":true}""", "acceptingOverflow" },
        { """{"operatorsOnline":"tre","queueLength":0,"averageHandlingSeconds":300,"acceptingOverflow":true,"officeOpen":true}""", "$.operatorsOnline" },
    };

    [Theory]
    [MemberData(nameof(InvalidReports))]
    public async Task Bad_report_is_refused_with_the_field_and_the_stored_report_is_unchanged(string body, string field)
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var admin = await hub.CreateAdminClientAsync();
        using var node = await hub.JoinNewNodeAsync(admin);
        var client = await hub.NodeClientAsync(node);
        using var good = await client.PutAsJsonAsync("/api/v1/nodes/me/capacity", new CapacityReport(2, 5, 300, true, true));

        using var bad = await client.PutAsync("/api/v1/nodes/me/capacity", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.ProblemAsync()).GetProperty("errors").TryGetProperty(field, out _));
        var stored = (await admin.GetFromJsonAsync<NetworkView>("/api/v1/admin/network"))!.Nodes.Single().LastReport!;
        Assert.Equal((2, 5, 300), (stored.OperatorsOnline, stored.QueueLength, stored.AverageHandlingSeconds));
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Node_turns_stale_after_three_missed_intervals_and_active_again_on_the_next_report(StorageKind storage)
    {
        // A whole second: both stores keep less than .NET's 100 ns ticks, so the boundary must not hinge on them.
        // Near real time, because OpenIddict checks the test's client assertions against this clock too.
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        await using var hub = await HubServer.StartAsync(storage, new Dictionary<string, string?> { ["Capacity:ReportIntervalSeconds"] = "10" }, clock);
        var admin = await hub.CreateAdminClientAsync();
        using var node = await hub.JoinNewNodeAsync(admin);
        var client = await hub.NodeClientAsync(node);
        using var report = await client.PutAsJsonAsync("/api/v1/nodes/me/capacity", new CapacityReport(1, 0, 120, true, true));

        async Task<string> StateAsync() =>
            (await admin.GetFromJsonAsync<NetworkView>("/api/v1/admin/network"))!.Nodes.Single(n => n.Id == node.NodeId).State;

        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(NodeStates.Active, await StateAsync());

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(NodeStates.Stale, await StateAsync());

        using var again = await client.PutAsJsonAsync("/api/v1/nodes/me/capacity", new CapacityReport(1, 0, 120, true, true));
        Assert.Equal(NodeStates.Active, await StateAsync());
    }

    [Fact]
    public async Task Network_view_shows_pending_active_stale_and_suspended_nodes()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var admin = await hub.CreateAdminClientAsync();
        var pending = await admin.CreateNodeAsync();
        using var reporting = await hub.JoinNewNodeAsync(admin);
        using var silent = await hub.JoinNewNodeAsync(admin);
        using var suspended = await hub.JoinNewNodeAsync(admin);
        using var report = await (await hub.NodeClientAsync(reporting)).PutAsJsonAsync("/api/v1/nodes/me/capacity", new CapacityReport(1, 0, 120, true, true));
        using var suspend = await admin.PostAsync($"/api/v1/admin/nodes/{suspended.NodeId}/suspend", null);

        var states = (await admin.GetFromJsonAsync<NetworkView>("/api/v1/admin/network"))!.Nodes.ToDictionary(n => n.Id, n => n.State);

        Assert.Equal(NodeStates.Pending, states[pending.Node.Id]);
        Assert.Equal(NodeStates.Active, states[reporting.NodeId]);
        Assert.Equal(NodeStates.Stale, states[silent.NodeId]);
        Assert.Equal(NodeStates.Suspended, states[suspended.NodeId]);
    }
}
