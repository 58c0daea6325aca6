using System.Collections.Concurrent;
using System.Text.Json;
using LineaHub.Schemas.Faq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LineaHub.NodeAgent.Tests.Faq;

/// <summary>
/// A real Kestrel server on a loopback port standing in for the hub's FAQ routes as their contracts say: the changes feed
/// (<c>GET /api/v1/faq/changes</c>: the changes the test published for this node, above <c>after</c>, in version order, paged,
/// the synonym list with the last page when newer than <c>synonymsAfter</c>), and feedback and search-log intake, which it
/// records — or refuses with 404 like a hub that does not know the routes yet.
/// </summary>
internal sealed class FaqTestHub : IAsyncDisposable
{
    private readonly List<FaqEntry> _changes = [];
    private readonly ConcurrentQueue<string> _feedback = new();
    private readonly ConcurrentQueue<FaqSearchLogBatch> _searches = new();
    private readonly ConcurrentQueue<string> _changeRequests = new();
    private readonly Lock _gate = new();
    private readonly RestartableLoopbackServer _server;
    private FaqSynonymsView _synonyms = new(FaqSynonyms.DefaultText, 0);

    private FaqTestHub()
    {
        _server = Listen();
    }

    public Uri BaseAddress => _server.BaseAddress;

    public string RegionCode { get; set; } = "13";

    public string EntityCode { get; set; } = "066032";

    /// <summary>Answer feedback and search batches with 404, as a hub from before those routes would.</summary>
    public bool KnowsLearningRoutes { get; set; } = true;

    /// <summary>The query strings of every changes request, in order.</summary>
    public IReadOnlyList<string> ChangeRequests => [.. _changeRequests];

    public IReadOnlyList<string> Feedback => [.. _feedback];

    public IReadOnlyList<FaqSearchLogBatch> SearchBatches => [.. _searches];

    public static async Task<FaqTestHub> StartAsync()
    {
        var hub = new FaqTestHub();
        await hub._server.StartAsync();
        return hub;
    }

    /// <summary>A change the node will read: an entry that applies to it, or a tombstone.</summary>
    public void Publish(FaqEntry change)
    {
        lock (_gate)
        {
            _changes.Add(change);
        }
    }

    public void UseSynonyms(string text, long version) => _synonyms = new FaqSynonymsView(text, version);

    /// <summary>The hub goes away: connections are refused until <see cref="RestartAsync"/>.</summary>
    public Task StopAsync() => _server.StopAsync();

    public Task RestartAsync() => _server.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private RestartableLoopbackServer Listen()
    {
        var changes = (Func<HttpContext, IResult>)Changes;
        var feedback = (Func<HttpContext, Task<IResult>>)FeedbackAsync;
        var searches = (Func<HttpContext, Task<IResult>>)SearchesAsync;
        return new RestartableLoopbackServer(app =>
        {
            app.MapGet("/api/v1/faq/changes", changes);
            app.MapPost("/api/v1/faq/feedback", feedback);
            app.MapPost("/api/v1/faq/searches", searches);
        });
    }

    private IResult Changes(HttpContext context)
    {
        var query = context.Request.Query;
        _changeRequests.Enqueue(context.Request.QueryString.Value ?? "");
        var after = long.Parse(query["after"].ToString() is { Length: > 0 } a ? a : "0", System.Globalization.CultureInfo.InvariantCulture);
        var limit = int.Parse(query["limit"].ToString() is { Length: > 0 } l ? l : "500", System.Globalization.CultureInfo.InvariantCulture);
        long? synonymsAfter = query["synonymsAfter"].ToString() is { Length: > 0 } s ? long.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : null;
        List<FaqEntry> above;
        lock (_gate)
        {
            above = [.. _changes.Where(c => c.Version > after).OrderBy(c => c.Version)];
        }

        var page = above.Take(limit).ToList();
        var more = above.Count > limit;
        var synonyms = !more && _synonyms.Version > (synonymsAfter ?? -1) ? _synonyms : null;
        return Results.Json(
            new FaqChangesPage(page, synonyms, page.Count == 0 ? after : page[^1].Version, more, RegionCode, EntityCode), JsonSerializerOptions.Web);
    }

    private async Task<IResult> FeedbackAsync(HttpContext context)
    {
        if (!KnowsLearningRoutes)
        {
            return Results.NotFound();
        }

        using var reader = new StreamReader(context.Request.Body);
        _feedback.Enqueue(context.Request.Headers["Idempotency-Key"] + " " + await reader.ReadToEndAsync(context.RequestAborted));
        return Results.Ok();
    }

    private async Task<IResult> SearchesAsync(HttpContext context)
    {
        if (!KnowsLearningRoutes)
        {
            return Results.NotFound();
        }

        var batch = await JsonSerializer.DeserializeAsync<FaqSearchLogBatch>(context.Request.Body, JsonSerializerOptions.Web, context.RequestAborted);
        _searches.Enqueue(batch!);
        return Results.Ok();
    }
}
