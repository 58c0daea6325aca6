using System.Net;
using System.Net.Sockets;

namespace LineaHub.EndToEnd.Tests;

/// <summary>
/// A loopback TCP relay between agents and the hub. Agents that joined through <see cref="Address"/> lose the hub
/// when it is <see cref="CutAsync">cut</see> — new connections refused, open ones dropped, exactly what an agent
/// sees of a hub that stopped — while the hub keeps its database, so the test can bring it back on the same
/// address with <see cref="Restore"/>.
/// </summary>
internal sealed class HubLink : IAsyncDisposable
{
    private readonly Uri _target;
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _running;
    private Task _accepting = Task.CompletedTask;

    private HubLink(Uri target)
    {
        _target = target;
    }

    public Uri Address { get; private set; } = null!;

    public static HubLink Start(Uri hub)
    {
        var link = new HubLink(hub);
        link.Listen(0);
        return link;
    }

    /// <summary>The hub goes away for the agents: connections are refused until <see cref="Restore"/>.</summary>
    public async Task CutAsync()
    {
        TcpListener? listener;
        CancellationTokenSource? running;
        lock (_gate)
        {
            (listener, running, _listener, _running) = (_listener, _running, null, null);
            foreach (var client in _open)
            {
                client.Dispose();
            }

            _open.Clear();
        }

        if (running is not null)
        {
            await running.CancelAsync();
            running.Dispose();
        }

        listener?.Stop();
        listener?.Dispose();
        await _accepting;
    }

    /// <summary>The hub is back, on the same address.</summary>
    public void Restore() => Listen(Address.Port);

    public async ValueTask DisposeAsync() => await CutAsync();

    private void Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);

        // The port was in use a moment ago; connections it served may linger in TIME_WAIT.
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        var running = new CancellationTokenSource();
        lock (_gate)
        {
            _listener = listener;
            _running = running;
        }

        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync(listener, running.Token);
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(cancellationToken);
                _ = RelayAsync(client, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Cut.
        }
    }

    private async Task RelayAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using var hub = new TcpClient();
        lock (_gate)
        {
            _open.Add(client);
            _open.Add(hub);
        }

        try
        {
            await hub.ConnectAsync(_target.Host, _target.Port, cancellationToken);
            var toHub = client.GetStream().CopyToAsync(hub.GetStream(), cancellationToken);
            var fromHub = hub.GetStream().CopyToAsync(client.GetStream(), cancellationToken);
            await Task.WhenAny(toHub, fromHub);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // One side closed or the link was cut: the other side sees the connection drop.
        }
        finally
        {
            lock (_gate)
            {
                _open.Remove(client);
                _open.Remove(hub);
            }

            client.Dispose();
        }
    }
}
