using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace LineaHub.Testing;

/// <summary>
/// A private, throwaway PostgreSQL cluster started with the Debian server binaries
/// (<c>/usr/lib/postgresql/*/bin</c>) in a temporary folder, listening on a free port of 127.0.0.1 only.
/// Tests share one cluster per test process (<see cref="GetSharedAsync"/>) and isolate themselves with a
/// fresh database each (<see cref="CreateDatabaseAsync"/>), so they can run in parallel.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    /// <summary>Set it to a folder holding <c>initdb</c> and <c>pg_ctl</c> to use binaries from elsewhere.</summary>
    public const string BinDirectoryVariable = "LINEAHUB_POSTGRES_BIN";

    private const string DebianRoot = "/usr/lib/postgresql";
    private const string FolderPrefix = "lineahub-pg-";
    private const string OwnerFile = "owner.pid";
    private const string SystemUser = "postgres";
    private const int StartAttempts = 5;

    // Stops the server and deletes the folder once the owning process is gone, however it went: the test
    // platform kills its test host 100 ms after the last result (VSTEST_TESTHOST_SHUTDOWN_TIMEOUT), which
    // is often before a process-exit handler is done. A zombie counts as gone (some containers never reap).
    // SIGQUIT is PostgreSQL's immediate shutdown, what `pg_ctl stop -m immediate` sends.
    private const string WatchdogScript = """
        exec </dev/null >/dev/null 2>&1
        trap '' INT HUP
        owner="$1"; data="$2"; root="$3"
        alive() { [ -r "/proc/$owner/status" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$owner/status"; }
        while alive; do sleep 1; done
        pid=$(head -n 1 "$data/postmaster.pid" 2>/dev/null) && kill -QUIT "$pid" 2>/dev/null
        tries=0
        while [ -e "$data/postmaster.pid" ] && [ "$tries" -lt 100 ]; do sleep 0.1; tries=$((tries + 1)); done
        rm -rf "$root"
        """;

    private static readonly Lazy<Task<PostgresCluster>> Shared = new(StartSharedAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string binDirectory;
    private readonly bool runAsSystemUser;
    private Process? watchdog;
    private int stopped;

    private PostgresCluster(string binDirectory, bool runAsSystemUser, string rootDirectory)
    {
        this.binDirectory = binDirectory;
        this.runAsSystemUser = runAsSystemUser;
        RootDirectory = rootDirectory;
    }

    /// <summary>The temporary folder holding the data directory, the socket and the server log.</summary>
    public string RootDirectory { get; }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary>Superuser connection to the <c>postgres</c> maintenance database.</summary>
    public string AdminConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = IPAddress.Loopback.ToString(),
        Port = Port,
        Username = SystemUser,
        Database = "postgres",
        IncludeErrorDetail = true,
    }.ConnectionString;

    private string DataDirectory => Path.Combine(RootDirectory, "data");

    private string SocketDirectory => Path.Combine(RootDirectory, "socket");

    private string LogFile => Path.Combine(RootDirectory, "server.log");

    /// <summary>
    /// The cluster of this test process, started on first use and stopped when the process exits.
    /// A failed start is not retried: every test then reports the same cause.
    /// </summary>
    public static Task<PostgresCluster> GetSharedAsync(CancellationToken cancellationToken = default) =>
        Shared.Value.WaitAsync(cancellationToken);

    /// <summary>Starts a cluster of its own (for a test that stops or breaks the server); dispose it.</summary>
    public static async Task<PostgresCluster> StartAsync(CancellationToken cancellationToken = default)
    {
        var rootDirectory = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
        var cluster = new PostgresCluster(FindBinDirectory(), IsRoot(), rootDirectory);
        Directory.CreateDirectory(cluster.SocketDirectory);
        await File.WriteAllTextAsync(Path.Combine(rootDirectory, OwnerFile),
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        try
        {
            cluster.StartWatchdog();
            await cluster.InitializeAsync(cancellationToken);
            await cluster.StartServerAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The highest installed PostgreSQL's <c>bin</c> folder; throws, with what to do, when there is none.</summary>
    public static string FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable(BinDirectoryVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(Path.Combine(configured, "initdb"))
                ? configured
                : throw new InvalidOperationException($"{BinDirectoryVariable}={configured} has no initdb.");
        }

        var found = Directory.Exists(DebianRoot)
            ? Directory.GetDirectories(DebianRoot)
                .Select(folder => (Folder: folder, Version: ParseVersion(Path.GetFileName(folder))))
                .Where(candidate => candidate.Version >= 0 && File.Exists(Path.Combine(candidate.Folder, "bin", "initdb")))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => Path.Combine(candidate.Folder, "bin"))
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            $"No PostgreSQL server binaries in {DebianRoot}/*/bin: the tests need them for a throwaway cluster. " +
            "Run the tests with ./run-tests.sh at the repository root, which installs them (apt-get install -y postgresql), " +
            $"or set {BinDirectoryVariable} to a folder holding initdb and pg_ctl.");
    }

    /// <summary>Creates a new, empty, uniquely named database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE \"{name}\"", cancellationToken);
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its connections.</summary>
    public async Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE)", cancellationToken);
    }

    /// <summary>Stops the server as an outage would (fast shutdown: connections are cut); <see cref="ResumeServerAsync"/> brings it back.</summary>
    public async Task PauseServerAsync(CancellationToken cancellationToken = default)
    {
        var result = await RunAsync("pg_ctl", ["stop", "-w", "-t", "60", "-m", "fast", "-D", DataDirectory], cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"PostgreSQL did not stop in {RootDirectory}:{Environment.NewLine}{result.Output}");
        }
    }

    /// <summary>Starts the server again after <see cref="PauseServerAsync"/>, on the same port, so connection strings stay valid.</summary>
    public async Task ResumeServerAsync(CancellationToken cancellationToken = default)
    {
        var result = await RunAsync("pg_ctl",
            ["start", "-w", "-t", "60", "-D", DataDirectory, "-l", LogFile, "-o", $"-p {Port}"],
            cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"PostgreSQL did not start again on port {Port}:{Environment.NewLine}{result.Output}");
        }

        await WaitUntilReadyAsync(cancellationToken);
    }

    /// <summary>Stops the server at once (no checkpoint) and deletes its folder.</summary>
    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private static async Task<PostgresCluster> StartSharedAsync()
    {
        RemoveAbandonedClusters();
        var cluster = await StartAsync();
        // Test runners never dispose statics; when the host is given the time, this is quicker than the watchdog.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        return cluster;
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (runAsSystemUser)
        {
            // initdb and postgres refuse to run as root: the folder must belong to the user they run as.
            await ExternalProcess.RunCheckedAsync("chown", ["-R", $"{SystemUser}:{SystemUser}", RootDirectory], cancellationToken);
        }

        var result = await RunAsync("initdb",
            ["-D", DataDirectory, "-U", SystemUser, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"],
            cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"initdb failed in {RootDirectory}:{Environment.NewLine}{result.Output}");
        }

        // Appending keeps the file's owner. Durability is worthless for a throwaway cluster; speed is not.
        await File.AppendAllLinesAsync(Path.Combine(DataDirectory, "postgresql.conf"),
        [
            "# LineaHub test cluster",
            "listen_addresses = '127.0.0.1'",
            $"unix_socket_directories = '{SocketDirectory}'",
            "fsync = off",
            "full_page_writes = off",
            "synchronous_commit = off",
            // Every test has its own database and connection pool, and tests run in parallel.
            "max_connections = 300",
        ], cancellationToken);
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            // The port is free when chosen, but another process may take it before the server binds it.
            Port = FreeLoopbackPort();
            var result = await RunAsync("pg_ctl",
                ["start", "-w", "-t", "60", "-D", DataDirectory, "-l", LogFile, "-o", $"-p {Port}"],
                cancellationToken);
            if (result.ExitCode == 0)
            {
                await WaitUntilReadyAsync(cancellationToken);
                return;
            }

            if (attempt == StartAttempts)
            {
                var log = File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile, cancellationToken) : "(no server log)";
                throw new InvalidOperationException(
                    $"PostgreSQL did not start in {RootDirectory}:{Environment.NewLine}{result.Output}{Environment.NewLine}{log}");
            }
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString);
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException) when (clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private Task<ExternalProcess.Result> RunAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var executable = Path.Combine(binDirectory, tool);
        return runAsSystemUser
            ? ExternalProcess.RunAsync("runuser", ["-u", SystemUser, "--", executable, .. arguments], cancellationToken)
            : ExternalProcess.RunAsync(executable, arguments, cancellationToken);
    }

    private void StartWatchdog()
    {
        // Redirected, so that it holds none of this process's output streams (the script then closes them).
        var start = new ProcessStartInfo("sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-c", WatchdogScript, "lineahub-pg-watchdog",
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture), DataDirectory, RootDirectory])
        {
            start.ArgumentList.Add(argument);
        }

        watchdog = Process.Start(start) ?? throw new InvalidOperationException("Could not start the cluster's watchdog.");
    }

    private void Stop()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        if (Port != 0)
        {
            using var connection = new NpgsqlConnection(AdminConnectionString);
            NpgsqlConnection.ClearPool(connection);
        }

        StopServer(DataDirectory);
        TemporaryFolder.TryDelete(RootDirectory);
        if (watchdog is not null)
        {
            if (!watchdog.HasExited)
            {
                watchdog.Kill();
            }

            watchdog.Dispose();
        }
    }

    /// <summary>Immediate shutdown: a throwaway cluster needs no checkpoint, and the test host has little time.</summary>
    private static void StopServer(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        string? firstLine;
        try
        {
            firstLine = File.ReadLines(pidFile).FirstOrDefault();
        }
        catch (IOException)
        {
            return;
        }

        // A stale pid file may name a process that is no longer this cluster's server.
        if (!int.TryParse(firstLine, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || !IsServerOf(pid, dataDirectory))
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-QUIT", pid.ToString(CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        var clock = Stopwatch.StartNew();
        while (File.Exists(pidFile) && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            Thread.Sleep(5);
        }
    }

    /// <summary>Stops and deletes clusters left behind by test processes that were killed with their watchdog.</summary>
    private static void RemoveAbandonedClusters()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            string owner;
            try
            {
                owner = File.ReadAllText(Path.Combine(folder, OwnerFile));
            }
            catch (IOException)
            {
                continue;
            }

            if (int.TryParse(owner, NumberStyles.None, CultureInfo.InvariantCulture, out var ownerId) && !IsAlive(ownerId))
            {
                StopServer(Path.Combine(folder, "data"));
                TemporaryFolder.TryDelete(folder);
            }
        }
    }

    private static bool IsServerOf(int pid, string dataDirectory)
    {
        try
        {
            return IsAlive(pid) && File.ReadAllText($"/proc/{pid}/cmdline").Contains(dataDirectory, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Running, and not a zombie (some containers never reap their orphans).</summary>
    private static bool IsAlive(int pid)
    {
        try
        {
            var state = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(line => line.StartsWith("State:", StringComparison.Ordinal));
            return state is not null && !state["State:".Length..].TrimStart().StartsWith('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static bool IsRoot()
    {
        // The effective user id is the second number of the Uid line.
        var uid = File.Exists("/proc/self/status")
            ? File.ReadLines("/proc/self/status").FirstOrDefault(line => line.StartsWith("Uid:", StringComparison.Ordinal))
            : null;
        var fields = uid?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: > 2 } ? fields[2] == "0" : Environment.UserName == "root";
    }

    private static int ParseVersion(string name) =>
        int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : -1;

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
