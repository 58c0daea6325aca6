using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LineaHub.NodeAgent.Storage;

/// <summary>
/// The agent's embedded SQLite database (<see cref="AgentPaths.DatabaseFile"/>). Every connection it hands
/// out sees the schema brought up to date, once per process.
/// </summary>
public sealed class AgentDatabase
{
    // Long enough to ride out another process holding the write lock while it migrates or commits.
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private readonly IReadOnlyList<SchemaStep> _steps;
    private readonly string _connectionString;
    private readonly Lock _gate = new();
    private Task? _migration;

    public AgentDatabase(AgentPaths paths)
        : this(paths.DatabaseFile, AgentSchema.Steps)
    {
    }

    internal AgentDatabase(string file, IReadOnlyList<SchemaStep> steps)
    {
        FilePath = Path.GetFullPath(file);
        _steps = steps;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();
    }

    public string FilePath { get; }

    /// <summary>How many schema steps this build of the agent knows.</summary>
    public int LatestVersion => _steps.Count;

    /// <summary>An open connection on an up-to-date schema; the caller disposes it.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureMigratedAsync(cancellationToken);
        return await OpenConnectionAsync(cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction: everything it changes is stored together or not at all.
    /// The write lock is taken at the start (<c>BEGIN IMMEDIATE</c>), so a busy database makes it wait rather than fail halfway.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Runs <paramref name="work"/> on one snapshot of the database (several queries that agree with each other).</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await work(transaction);
    }

    /// <summary>Applies the steps the file has not had yet; returns the schema version. Safe to call again.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await EnsureMigratedAsync(cancellationToken);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await ReadVersionAsync(connection, null, cancellationToken);
    }

    private Task EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // One migration per process, shared by all callers; a failed one is tried again by the next caller.
            if (_migration is null || _migration.IsFaulted || _migration.IsCanceled)
            {
                _migration = MigrateCoreAsync();
            }

            return _migration.WaitAsync(cancellationToken);
        }
    }

    private async Task MigrateCoreAsync()
    {
        CreatePrivateFile();
        await using var connection = await OpenConnectionAsync(CancellationToken.None);

        // WAL lets the sender read while the local API writes, and survives a kill as well as rollback
        // journaling does. The mode is stored in the file, so this only does work the first time.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", CancellationToken.None);

        if (await ReadVersionAsync(connection, null, CancellationToken.None) == _steps.Count)
        {
            return;
        }

        // BEGIN IMMEDIATE takes the write lock before the version is read again, so when two processes
        // start together the second waits, then finds the steps applied and does nothing.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(CancellationToken.None);
        var version = await ReadVersionAsync(connection, transaction, CancellationToken.None);
        if (version > _steps.Count)
        {
            throw new InvalidOperationException(
                $"Il database {FilePath} è alla versione {version}, più recente di questo agente (versione {_steps.Count}): aggiornare l'agente.");
        }

        for (var index = version; index < _steps.Count; index++)
        {
            await ExecuteAsync(connection, transaction, _steps[index].Sql, CancellationToken.None);
        }

        // user_version lives in the file header and is written in the same transaction as the steps.
        await ExecuteAsync(connection, transaction,
            string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {_steps.Count};"), CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // Per connection: the native busy handler covers statements Microsoft.Data.Sqlite does not retry,
            // and FULL makes a commit survive a power cut too, not only a crash of the agent.
            await ExecuteAsync(connection, null,
                string.Create(CultureInfo.InvariantCulture,
                    $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"),
                cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private void CreatePrivateFile()
    {
        PrivateFiles.EnsureDirectory(Path.GetDirectoryName(FilePath)!);
        if (OperatingSystem.IsWindows() || File.Exists(FilePath))
        {
            return;
        }

        // The database holds tickets before they are anonymised: created owner-only, like the keys.
        // SQLite gives its -wal and -shm files the same mode as the database file.
        try
        {
            using var _ = new FileStream(FilePath, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (File.Exists(FilePath))
        {
            // Another process created it first.
        }
    }

    private static async Task<int> ReadVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
