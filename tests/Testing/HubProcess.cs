using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace LineaHub.Testing;

/// <summary>
/// The hub run as a separate operating-system process (<c>dotnet LineaHub.Hub.dll</c>, built beside the tests), for
/// tests that need two hub processes on one database or that kill the hub. It listens on a free loopback port.
/// </summary>
public sealed class HubProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output;

    private HubProcess(Process process, StringBuilder output, Uri baseAddress)
    {
        this.process = process;
        this.output = output;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>What the process printed so far (for a failing test's message).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts the hub with <paramref name="settings"/> (configuration keys, e.g. <c>Storage:Provider</c>) and waits until it is ready.</summary>
    public static Task<HubProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken = default) =>
        StartAsync(settings, FreePort(), cancellationToken);

    /// <summary>Starts the hub on <paramref name="port"/> of 127.0.0.1 — a killed hub's, so that its agents find the new one.</summary>
    public static async Task<HubProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, int port, CancellationToken cancellationToken = default)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(HubAssemblyPath());
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var output = new StringBuilder();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var hub = new HubProcess(process, output, baseAddress);
        try
        {
            await hub.WaitReadyAsync(cancellationToken);
            return hub;
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the process with SIGKILL, as <c>kill -9</c> does: no shutdown, no flush, whatever it was doing.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The hub process exited with {process.ExitCode}:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await client.GetAsync("health/ready", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"The hub process was not ready within 60 s:{Environment.NewLine}{Output}");
    }

    /// <summary>The hub as built beside the tests: <c>Hub/bin/&lt;configuration&gt;/net10.0/LineaHub.Hub.dll</c>.</summary>
    private static string HubAssemblyPath()
    {
        var configuration = typeof(HubProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LineaHub.sln")))
        {
            directory = directory.Parent;
        }

        var path = directory is null ? null : Path.Combine(directory.FullName, "Hub", "bin", configuration, "net10.0", "LineaHub.Hub.dll");
        return path is not null && File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The hub is not built for {configuration} beside the tests (looked for {path}).");
    }

    /// <summary>A loopback port free now (another process may take it before it is bound).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
