using System.Text;
using System.Text.Json;

namespace LineaHub.Hub.Idempotency;

/// <summary>Replays the answer stored for a key: same status, same body, the same headers worth keeping.</summary>
internal sealed class StoredResponse(IdempotencyRecord record) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = record.ResponseStatusCode ?? StatusCodes.Status200OK;
        if (record.ResponseHeaders is { } headers)
        {
            foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(headers) ?? [])
            {
                response.Headers[name] = value;
            }
        }

        response.Headers[IdempotencyKeyHeader.ReplayedName] = "true";
        if (!string.IsNullOrEmpty(record.ResponseBody))
        {
            var body = Encoding.UTF8.GetBytes(record.ResponseBody);
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, httpContext.RequestAborted);
        }
    }
}
