using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LineaHub.NodeAgent.Connection;

/// <summary>An error answer of the hub, with the RFC 7807 text people can read.</summary>
public sealed class HubProblemException(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;

    public static async Task<HubProblemException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string message;
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            message = Describe(problem) ?? response.ReasonPhrase ?? response.StatusCode.ToString();
        }
        catch (JsonException)
        {
            message = response.ReasonPhrase ?? response.StatusCode.ToString();
        }

        return new HubProblemException(response.StatusCode, $"{(int)response.StatusCode}: {message}");
    }

    private static string? Describe(JsonElement problem)
    {
        if (problem.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var parts = new List<string>();
        foreach (var name in new[] { "title", "detail", "error", "error_description" })
        {
            if (problem.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                parts.Add(value.GetString()!);
            }
        }

        if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
        {
            parts.AddRange(errors.EnumerateObject().Select(e => $"{e.Name}: {string.Join(" ", e.Value.EnumerateArray().Select(v => v.GetString()))}"));
        }

        return parts.Count == 0 ? null : string.Join(" — ", parts.Distinct());
    }
}
