namespace LineaHub.Testing.Load;

/// <summary>
/// What the load harnesses set up alike: an in-process hub creates the schema, offices and tokens, then the hub runs
/// as its own process (as deployed) on the same database, and the harness measures that process and PostgreSQL.
/// </summary>
public static class BenchmarkHub
{
    /// <summary>
    /// Settings both hubs share: the same keys and issuer, so a token from one works at the other, and tokens that
    /// outlive a run.
    /// </summary>
    public static Dictionary<string, string?> SharedSettings(string keysDirectory) => new()
    {
        ["Auth:Issuer"] = "http://lineahub.benchmark/",
        ["Auth:KeysDirectory"] = keysDirectory,
        ["Auth:AccessTokenLifetimeMinutes"] = "60",
    };

    /// <summary>The hub process's settings: <paramref name="shared"/>, PostgreSQL at <paramref name="connectionString"/>, quiet logs, then <paramref name="overrides"/>.</summary>
    public static Dictionary<string, string?> ProcessSettings(
        IReadOnlyDictionary<string, string?> shared,
        string connectionString,
        string dataDirectory,
        IEnumerable<KeyValuePair<string, string>>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(shared)
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:DataDirectory"] = dataDirectory,
            ["Auth:AllowInsecureHttp"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The process ids to measure: the hub process this process started, and the shared cluster's server.</summary>
    public static async Task<(int HubId, int PostgresId)> ProcessIdsAsync(CancellationToken cancellationToken)
    {
        var hubId = ProcFs.FindChild(Environment.ProcessId, "LineaHub.Hub.dll")
            ?? throw new InvalidOperationException("The hub process was not found among this process's children.");
        var cluster = await PostgresCluster.GetSharedAsync(cancellationToken);
        var postgresId = ProcFs.FirstLineNumber(Path.Combine(cluster.RootDirectory, "data", "postmaster.pid"))
            ?? throw new InvalidOperationException("The PostgreSQL server's pid was not found.");
        return (hubId, postgresId);
    }
}
