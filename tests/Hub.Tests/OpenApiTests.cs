using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LineaHub.Testing;

namespace LineaHub.Hub.Tests;

public sealed class OpenApiTests
{
    [Fact]
    public async Task Every_operation_has_a_name_a_summary_and_a_tag()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);

        var document = await hub.CreateClient().GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Route: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToList();
        Assert.Contains(operations, o => o.Route == "POST /api/v1/join");
        Assert.All(operations, o =>
        {
            Assert.True(o.Operation.TryGetProperty("operationId", out _), $"{o.Route} has no name");
            Assert.False(string.IsNullOrWhiteSpace(o.Operation.GetProperty("summary").GetString()), $"{o.Route} has no summary");
            Assert.NotEmpty(o.Operation.GetProperty("tags").EnumerateArray());
        });
    }

    [Fact]
    public async Task Unknown_route_answers_a_problem_not_an_empty_page()
    {
        await using var hub = await HubServer.StartAsync(StorageKind.Sqlite);

        using var response = await hub.CreateClient().GetAsync("/api/v1/non-esiste");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
