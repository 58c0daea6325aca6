using System.Collections.Concurrent;
using LineaHub.Schemas.Overflow;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LineaHub.NodeAgent.Tests.Overflow;

/// <summary>
/// A real Kestrel server standing in for the hub's inbox: it hands out the messages not yet acknowledged, as the hub
/// does, and forgets them on an acknowledgement, unless told to lose the next acknowledgement.
/// </summary>
internal sealed class FakeInboxHub : IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, InboxMessage> _messages = new();
    private readonly ConcurrentQueue<long> _acknowledged = new();
    private readonly WebApplication _app;
    private int _failAcks;

    private FakeInboxHub(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IReadOnlyList<long> Acknowledged => [.. _acknowledged];

    public int Polls { get; private set; }

    public static async Task<FakeInboxHub> StartAsync()
    {
        FakeInboxHub? hub = null;
        var (app, address) = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/api/v1/inbox", () => hub!.Read());
            app.MapPost("/api/v1/inbox/ack", (InboxAckRequest request) => hub!.Acknowledge(request));
        });
        hub = new FakeInboxHub(app, address);
        return hub;
    }

    public void Post(params InboxMessage[] messages)
    {
        foreach (var message in messages)
        {
            _messages[message.Id] = message;
        }
    }

    /// <summary>The next acknowledgement is answered 503 and forgets nothing, as if the agent crashed before it landed.</summary>
    public void LoseNextAcknowledgement() => Interlocked.Exchange(ref _failAcks, 1);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private InboxPage Read()
    {
        Polls++;
        return new InboxPage([.. _messages.Values.OrderBy(m => m.Id)], false);
    }

    private IResult Acknowledge(InboxAckRequest request)
    {
        if (Interlocked.Exchange(ref _failAcks, 0) == 1)
        {
            return Results.Problem(title: "Hub non disponibile", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        _acknowledged.Enqueue(request.UpTo!.Value);
        foreach (var id in _messages.Keys.Where(id => id <= request.UpTo))
        {
            _messages.TryRemove(id, out _);
        }

        return Results.NoContent();
    }
}
