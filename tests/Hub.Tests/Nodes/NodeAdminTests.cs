using System.Net;
using System.Net.Http.Json;
using System.Text;
using LineaHub.Schemas.Nodes;
using LineaHub.Testing;

namespace LineaHub.Hub.Tests.Nodes;

public sealed class NodeAdminTests
{
    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Created_node_is_pending_with_a_join_code_and_can_be_read_back(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var admin = await hub.CreateAdminClientAsync();

        var created = await admin.CreateNodeAsync(new CreateNodeRequest(
            "URP Comune di Celano", NodeKinds.Comune, "066032", "13", ["anagrafe", "tributi"], ["it"], [new OpeningHours(1, "08:30", "13:30")]));
        var read = await admin.GetFromJsonAsync<NodeResponse>($"/api/v1/admin/nodes/{created.Node.Id}");
        var listed = await admin.GetFromJsonAsync<List<NodeResponse>>("/api/v1/admin/nodes?status=pending&region=13");

        Assert.Equal(NodeStates.Pending, created.Node.Status);
        Assert.Matches("^[2-9A-HJKMNP-TV-Z]{5}(-[2-9A-HJKMNP-TV-Z]{5}){3}$", created.JoinCode.Code);
        Assert.Equal("Abruzzo", read!.RegionName);
        Assert.Equal(["anagrafe", "tributi"], read.Competences);
        Assert.Equal(new OpeningHours(1, "08:30", "13:30"), Assert.Single(read.OpeningHours));
        Assert.Contains(listed!, n => n.Id == created.Node.Id);
    }

    public static TheoryData<string, string> InvalidNodes => new()
    {
        { """{"kind":"comune","code":"066032","regionCode":"13"}""", "name" },
        { """{"name":"X","kind":"frazione","code":"066032","regionCode":"13"}""", "kind" },
        { """{"name":"X","kind":"comune","code":"66032","regionCode":"13"}""", "code" },
        { """{"name":"X","kind":"comune","code":"066032","regionCode":"21"}""", "regionCode" },
        { """{"name":"X","kind":"regione","code":"13","regionCode":"12"}""", "regionCode" },
        { """{"name":"X","kind":"comune","code":"066032","regionCode":"13","languages":["ita"]}""", "languages" },
        { """{"name":"X","kind":"comune","code":"066032","regionCode":"13","openingHours":[{"day":8,"opens":"08:00","closes":"12:00"}]}""", "openingHours[0]" },
        { """{"name":"X","kind":"comune","code":"066032","regionCode":"13","openingHours":[{"day":1,"opens":"14:00","closes":"12:00"}]}""", "openingHours[0]" },
        { """{"name":"X","kind":"comune","code":"066032","regionCode":"13","competences":["anagrafe","anagrafe"]}""", "competences" },
        { """{"name":"X","kind":"comune","code":"066032","regionCode":"13","operatorsOnline":"molti","languages":"it"}""", "$.languages" },
    };

    [Theory]
    [MemberData(nameof(InvalidNodes))]
    public async Task Invalid_node_is_refused_with_the_field_and_nothing_is_stored(string body, string field)
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var admin = await hub.CreateAdminClientAsync();

        using var response = await admin.PostAsync("/api/v1/admin/nodes", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error on {field}: {problem}");
        Assert.Empty((await admin.GetFromJsonAsync<List<NodeResponse>>("/api/v1/admin/nodes"))!);
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Unknown_competence_is_422_and_nothing_is_stored(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var admin = await hub.CreateAdminClientAsync();

        using var response = await admin.PostAsJsonAsync("/api/v1/admin/nodes", NetworkFixtures.NodeRequest() with { Competences = ["anagrafe", "astrologia"] });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("astrologia", (await response.ProblemAsync()).GetProperty("errors").GetProperty("competences")[0].GetString());
        Assert.Empty((await admin.GetFromJsonAsync<List<NodeResponse>>("/api/v1/admin/nodes"))!);
    }

    [Theory]
    [MemberData(nameof(NetworkFixtures.Providers), MemberType = typeof(NetworkFixtures))]
    public async Task Same_office_registered_twice_is_a_conflict(StorageKind storage)
    {
        await using var hub = await HubServer.StartAsync(storage);
        var admin = await hub.CreateAdminClientAsync();
        await admin.CreateNodeAsync(NetworkFixtures.NodeRequest("066049"));

        using var again = await admin.PostAsJsonAsync("/api/v1/admin/nodes", NetworkFixtures.NodeRequest("066049"));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await again.ProblemAsync();
        Assert.Single((await admin.GetFromJsonAsync<List<NodeResponse>>("/api/v1/admin/nodes"))!);
    }

    [Fact]
    public async Task Unknown_node_is_404_for_every_operation()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var admin = await hub.CreateAdminClientAsync();
        var id = Guid.NewGuid();

        foreach (var response in new[]
        {
            await admin.GetAsync($"/api/v1/admin/nodes/{id}"),
            await admin.PostAsync($"/api/v1/admin/nodes/{id}/suspend", null),
            await admin.PostAsync($"/api/v1/admin/nodes/{id}/reactivate", null),
            await admin.PostAsync($"/api/v1/admin/nodes/{id}/join-codes", null),
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            await response.ProblemAsync();
            response.Dispose();
        }
    }

    [Fact]
    public async Task Suspending_twice_or_reactivating_an_active_node_is_a_conflict()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var admin = await hub.CreateAdminClientAsync();
        var created = await admin.CreateNodeAsync();

        using var reactivateActive = await admin.PostAsync($"/api/v1/admin/nodes/{created.Node.Id}/reactivate", null);
        using var suspend = await admin.PostAsync($"/api/v1/admin/nodes/{created.Node.Id}/suspend", null);
        using var suspendAgain = await admin.PostAsync($"/api/v1/admin/nodes/{created.Node.Id}/suspend", null);
        using var reactivate = await admin.PostAsync($"/api/v1/admin/nodes/{created.Node.Id}/reactivate", null);

        Assert.Equal(HttpStatusCode.Conflict, reactivateActive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, suspend.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, suspendAgain.StatusCode);
        // Never joined: back to pending, not active.
        Assert.Equal(NodeStates.Pending, (await reactivate.Content.ReadFromJsonAsync<NodeResponse>())!.Status);
    }

    [Fact]
    public async Task Oversized_body_is_413_problem_and_nothing_is_stored()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var admin = await hub.CreateAdminClientAsync();
        var huge = $$"""{"name":"{{new string('x', 2 * 1024 * 1024)}}","kind":"comune","code":"066032","regionCode":"13"}""";

        using var response = await admin.PostAsync("/api/v1/admin/nodes", new StringContent(huge, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await response.ProblemAsync();
        Assert.Empty((await admin.GetFromJsonAsync<List<NodeResponse>>("/api/v1/admin/nodes"))!);
    }

    [Fact]
    public async Task Errors_never_carry_a_stack_trace_and_carry_a_request_id()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);
        var admin = await hub.CreateAdminClientAsync();

        using var response = await admin.PostAsync("/api/v1/admin/nodes", new StringContent("{not json", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = (await response.ProblemAsync()).ToString();
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        Assert.Contains("requestId", text, StringComparison.Ordinal);
    }
}
