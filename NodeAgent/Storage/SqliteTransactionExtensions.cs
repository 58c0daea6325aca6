using Microsoft.Data.Sqlite;

namespace LineaHub.NodeAgent.Storage;

/// <summary>
/// Commands inside a transaction of <see cref="AgentDatabase.WriteAsync{T}"/> or <see cref="AgentDatabase.ReadAsync{T}"/>,
/// with named parameters. Times are stored as Unix milliseconds (UTC), as the outbox does.
/// </summary>
internal static class SqliteTransactionExtensions
{
    public static async Task<int> ExecuteAsync(
        this SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<object?> ScalarAsync(
        this SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(transaction, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    public static async Task<IReadOnlyList<T>> QueryAsync<T>(
        this SqliteTransaction transaction,
        string sql,
        Func<SqliteDataReader, T> read,
        CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>A time as stored: Unix milliseconds, or NULL.</summary>
    public static object? ToStored(this DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    public static object ToStored(this DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset GetTime(this SqliteDataReader reader, int ordinal) =>
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public static DateTimeOffset? GetNullableTime(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetTime(ordinal);

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static SqliteCommand Command(SqliteTransaction transaction, string sql, (string Name, object? Value)[] parameters)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
