using LineaHub.NodeAgent.Storage;
using Microsoft.Data.Sqlite;

namespace LineaHub.NodeAgent.Tests.Storage;

public sealed class AgentDatabaseTests : IDisposable
{
    // Each step would fail if run twice (no IF NOT EXISTS), and the second leaves a row to count.
    private static readonly SchemaStep CreateNotes = new("notes", "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);");
    private static readonly SchemaStep CreateLog = new("log", "CREATE TABLE applied (step TEXT NOT NULL); INSERT INTO applied VALUES ('log');");

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lineahub-tests", "db-" + Guid.NewGuid().ToString("N"));

    private string File => Path.Combine(_directory, "agent.db");

    [Fact]
    public async Task Agent_schema_brings_a_new_file_to_the_latest_version()
    {
        var database = new AgentDatabase(new AgentPaths(_directory));

        var version = await database.MigrateAsync(CancellationToken.None);

        Assert.Equal(AgentSchema.Steps.Count, version);
        Assert.Equal(database.LatestVersion, version);
        Assert.Equal(Path.Combine(_directory, "agent.db"), database.FilePath);
        Assert.Equal(1L, await ScalarAsync(database, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'outbox_messages';"));
    }

    [Fact]
    public async Task Migrating_again_applies_no_step_twice()
    {
        var database = new AgentDatabase(File, [CreateNotes, CreateLog]);
        await database.MigrateAsync(CancellationToken.None);
        await database.MigrateAsync(CancellationToken.None);
        SqliteConnection.ClearAllPools();

        var version = await new AgentDatabase(File, [CreateNotes, CreateLog]).MigrateAsync(CancellationToken.None);

        Assert.Equal(2, version);
        Assert.Equal(1L, await ScalarAsync(database, "SELECT COUNT(*) FROM applied;"));
    }

    [Fact]
    public async Task Two_processes_starting_together_apply_each_step_once()
    {
        // Two instances race like two processes: neither knows the other migrates, only SQLite's lock orders them.
        var first = new AgentDatabase(File, [CreateNotes, CreateLog]);
        var second = new AgentDatabase(File, [CreateNotes, CreateLog]);

        var versions = await Task.WhenAll(
            Task.Run(() => first.MigrateAsync(CancellationToken.None)),
            Task.Run(() => second.MigrateAsync(CancellationToken.None)));

        Assert.Equal([2, 2], versions);
        Assert.Equal(1L, await ScalarAsync(first, "SELECT COUNT(*) FROM applied;"));
    }

    [Fact]
    public async Task Step_added_later_is_applied_to_an_existing_file_and_keeps_its_data()
    {
        var before = new AgentDatabase(File, [CreateNotes]);
        await ExecuteAsync(before, "INSERT INTO notes (text) VALUES ('kept');");
        SqliteConnection.ClearAllPools();

        var after = new AgentDatabase(File, [CreateNotes, CreateLog]);

        Assert.Equal(2, await after.MigrateAsync(CancellationToken.None));
        Assert.Equal("kept", await ScalarAsync(after, "SELECT text FROM notes;"));
        Assert.Equal(1L, await ScalarAsync(after, "SELECT COUNT(*) FROM applied;"));
    }

    [Fact]
    public async Task File_written_by_a_newer_agent_is_refused()
    {
        await new AgentDatabase(File, [CreateNotes, CreateLog]).MigrateAsync(CancellationToken.None);
        SqliteConnection.ClearAllPools();

        var older = new AgentDatabase(File, [CreateNotes]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => older.MigrateAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Failed_step_leaves_the_file_at_the_previous_version()
    {
        await new AgentDatabase(File, [CreateNotes]).MigrateAsync(CancellationToken.None);
        SqliteConnection.ClearAllPools();
        var broken = new SchemaStep("broken", "CREATE TABLE half (id INTEGER); SELECT * FROM no_such_table;");

        await Assert.ThrowsAsync<SqliteException>(() => new AgentDatabase(File, [CreateNotes, broken]).MigrateAsync(CancellationToken.None));
        SqliteConnection.ClearAllPools();

        var reopened = new AgentDatabase(File, [CreateNotes]);
        Assert.Equal(1, await reopened.MigrateAsync(CancellationToken.None));
        Assert.Equal(0L, await ScalarAsync(reopened, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'half';"));
    }

    [Fact]
    public async Task Connections_use_wal_and_wait_for_a_busy_writer()
    {
        var database = new AgentDatabase(File, [CreateNotes]);

        Assert.Equal("wal", await ScalarAsync(database, "PRAGMA journal_mode;"));
        Assert.True((long)(await ScalarAsync(database, "PRAGMA busy_timeout;"))! > 0);
    }

    [Fact]
    public async Task Database_file_is_readable_by_the_agent_user_only()
    {
        var database = new AgentDatabase(File, [CreateNotes]);
        await database.MigrateAsync(CancellationToken.None);

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, System.IO.File.GetUnixFileMode(File));
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TestFolders.TryDelete(_directory);
    }

    private static async Task<object?> ScalarAsync(AgentDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(CancellationToken.None);
    }

    private static async Task ExecuteAsync(AgentDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
