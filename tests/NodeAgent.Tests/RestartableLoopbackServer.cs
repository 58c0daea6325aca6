using Microsoft.AspNetCore.Builder;

namespace LineaHub.NodeAgent.Tests;

/// <summary>
/// A <see cref="LoopbackServer"/> that can go away and come back on the same port, as a stand-in hub that stops and restarts
/// does: connections are refused in between, and whatever the test's hub recorded stays.
/// </summary>
internal sealed class RestartableLoopbackServer(Action<WebApplication> map) : IAsyncDisposable
{
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts on a free port the first time, on the same port after <see cref="StopAsync"/>.</summary>
    public async Task StartAsync() => (_app, BaseAddress) = await LoopbackServer.StartAsync(map, BaseAddress?.Port ?? 0);

    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
