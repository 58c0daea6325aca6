using System.Globalization;
using System.Text.Json;
using LineaHub.NodeAgent.Storage;
using Microsoft.Data.Sqlite;

namespace LineaHub.NodeAgent.Outbox;

/// <summary>
/// The durable outbox: every write meant for the hub is committed here before anyone is told it is done,
/// and stays until the hub acknowledges it. Delivered messages are deleted at once (the hub, which
/// acknowledges only after its own commit, is from then on the record); dead letters are kept until
/// someone retries them with <see cref="RetryDeadAsync"/>.
/// </summary>
public sealed class OutboxStore(AgentDatabase database, TimeProvider clock)
{
    private const string Columns = """
        id, kind, method, relative_path, body, idempotency_key, attempts,
        created_at, next_attempt_at, last_attempt_at, last_status, last_error, dead_at
        """;

    // Kept below what hubs commonly accept for the header (Stripe and the IETF draft examples use 255).
    private const int MaxIdempotencyKeyLength = 255;

    private TaskCompletionSource _enqueued = NewSignal();

    /// <summary>
    /// Completes at the next enqueue in this process. Take it before looking for work, then wait on it,
    /// so a message written in between is not missed.
    /// </summary>
    internal Task NextEnqueue => Volatile.Read(ref _enqueued).Task;

    /// <summary>
    /// Writes the message durably and returns it; the sender picks it up at once. The idempotency key is a new
    /// GUID unless given, and every attempt sends the same one. Enqueuing again with a key already in the
    /// outbox returns the message already there, provided it is the same write.
    /// </summary>
    public Task<OutboxMessage> EnqueueAsync(
        string kind,
        HttpMethod method,
        string relativePath,
        string jsonBody,
        string? idempotencyKey = null,
        CancellationToken cancellationToken = default) =>
        WriteAsync(
            transaction => EnqueueAsync(transaction, kind, method, relativePath, jsonBody, idempotencyKey, cancellationToken),
            cancellationToken);

    /// <summary>
    /// Like <see cref="EnqueueAsync(string, HttpMethod, string, string, string?, CancellationToken)"/>, inside the
    /// caller's transaction of <see cref="WriteAsync{T}"/>: the local change that causes the message and the message
    /// itself are stored together or not at all.
    /// </summary>
    public async Task<OutboxMessage> EnqueueAsync(
        SqliteTransaction transaction,
        string kind,
        HttpMethod method,
        string relativePath,
        string jsonBody,
        string? idempotencyKey = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(jsonBody);
        ValidateMethod(method);
        ValidatePath(relativePath);
        var key = idempotencyKey ?? Guid.NewGuid().ToString("D");
        ValidateKey(key);
        ValidateJson(jsonBody);

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await transaction.ExecuteAsync(
            """
            INSERT INTO outbox_messages (kind, method, relative_path, body, idempotency_key, created_at, next_attempt_at)
            VALUES ($kind, $method, $path, $body, $key, $now, $now)
            ON CONFLICT (idempotency_key) DO NOTHING;
            """,
            cancellationToken,
            ("$kind", kind), ("$method", method.Method), ("$path", relativePath), ("$body", jsonBody), ("$key", key), ("$now", now));

        var message = (await transaction.QueryAsync(
            $"SELECT {Columns} FROM outbox_messages WHERE idempotency_key = $key;", Read, cancellationToken, ("$key", key))).SingleOrDefault()
            ?? throw new InvalidOperationException($"Outbox message with key {key} vanished right after it was written.");
        if (message.Kind != kind || message.Method != method || message.RelativePath != relativePath || message.Body != jsonBody)
        {
            throw new InvalidOperationException($"The idempotency key {key} is already used by a different outbox message ({message.Id}).");
        }

        return message;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction of the agent's database (see <see cref="AgentDatabase.WriteAsync{T}"/>),
    /// then wakes the sender for whatever it enqueued there.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        var result = await database.WriteAsync(work, cancellationToken);

        // After the commit: a sender woken earlier would find nothing and go back to sleep.
        Interlocked.Exchange(ref _enqueued, NewSignal()).TrySetResult();
        return result;
    }

    /// <summary>
    /// The pending messages that may be sent now, oldest first, stopping at the first one still waiting for
    /// its retry: the hub sees writes in the order they happened (a status change never overtakes the ticket
    /// it changes). Dead letters are out of the line and hold nothing back.
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessage>> GetDueAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var now = clock.GetUtcNow();
        var pending = await QueryAsync(
            $"SELECT {Columns} FROM outbox_messages WHERE dead_at IS NULL ORDER BY id LIMIT $limit;",
            command => command.Parameters.AddWithValue("$limit", limit),
            cancellationToken);
        return [.. pending.TakeWhile(message => message.NextAttemptAt <= now)];
    }

    /// <summary>When the oldest pending message may be tried next (possibly already past); null if none is pending.</summary>
    public async Task<DateTimeOffset?> GetNextAttemptAtAsync(CancellationToken cancellationToken)
    {
        var value = await ScalarAsync(
            "SELECT next_attempt_at FROM outbox_messages WHERE dead_at IS NULL ORDER BY id LIMIT 1;", null, cancellationToken);
        return value is long milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null;
    }

    /// <summary>The hub acknowledged the message: it leaves the outbox.</summary>
    public Task MarkDeliveredAsync(long id, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM outbox_messages WHERE id = $id;", command => command.Parameters.AddWithValue("$id", id), cancellationToken);

    /// <summary>A failed attempt that may succeed later: counted, and the message waits until <paramref name="nextAttemptAt"/>.</summary>
    public Task RescheduleAsync(long id, DateTimeOffset nextAttemptAt, int? status, string error, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            UPDATE outbox_messages
            SET attempts = attempts + 1, last_attempt_at = $now, next_attempt_at = $next, last_status = $status, last_error = $error
            WHERE id = $id;
            """,
            command =>
            {
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$now", clock.GetUtcNow().ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$next", nextAttemptAt.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$status", (object?)status ?? DBNull.Value);
                command.Parameters.AddWithValue("$error", error);
            },
            cancellationToken);

    /// <summary>The hub refused the message for good: it becomes a dead letter, kept with the hub's reason.</summary>
    public Task MarkDeadAsync(long id, int status, string error, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            UPDATE outbox_messages
            SET attempts = attempts + 1, last_attempt_at = $now, dead_at = $now, last_status = $status, last_error = $error
            WHERE id = $id;
            """,
            command =>
            {
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$now", clock.GetUtcNow().ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$status", status);
                command.Parameters.AddWithValue("$error", error);
            },
            cancellationToken);

    /// <summary>
    /// Puts a dead letter back in the line (e.g. once the hub was fixed), with the same idempotency key and
    /// its original place by age. Returns false if there is no such dead letter.
    /// </summary>
    public async Task<bool> RetryDeadAsync(long id, CancellationToken cancellationToken)
    {
        var changed = await ExecuteAsync(
            "UPDATE outbox_messages SET dead_at = NULL, attempts = 0, next_attempt_at = $now WHERE id = $id AND dead_at IS NOT NULL;",
            command =>
            {
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$now", clock.GetUtcNow().ToUnixTimeMilliseconds());
            },
            cancellationToken);
        if (changed > 0)
        {
            Interlocked.Exchange(ref _enqueued, NewSignal()).TrySetResult();
        }

        return changed > 0;
    }

    public async Task<int> CountPendingAsync(CancellationToken cancellationToken) =>
        Convert.ToInt32(
            await ScalarAsync("SELECT COUNT(*) FROM outbox_messages WHERE dead_at IS NULL;", null, cancellationToken),
            CultureInfo.InvariantCulture);

    /// <summary>Pending messages of one kind, inside the caller's transaction (e.g. to bound how many of them wait at once).</summary>
    public async Task<int> CountPendingAsync(SqliteTransaction transaction, string kind, CancellationToken cancellationToken) =>
        Convert.ToInt32(
            await transaction.ScalarAsync(
                "SELECT COUNT(*) FROM outbox_messages WHERE kind = $kind AND dead_at IS NULL;", cancellationToken, ("$kind", kind)),
            CultureInfo.InvariantCulture);

    /// <summary>The latest failed attempt of a message of one kind still in the outbox (pending or dead), or null.</summary>
    public async Task<OutboxMessage?> FindLastFailedAsync(SqliteTransaction transaction, string kind, CancellationToken cancellationToken) =>
        (await transaction.QueryAsync(
            $"SELECT {Columns} FROM outbox_messages WHERE kind = $kind AND last_error IS NOT NULL ORDER BY last_attempt_at DESC, id DESC LIMIT 1;",
            Read,
            cancellationToken,
            ("$kind", kind))).SingleOrDefault();

    public async Task<int> CountDeadAsync(CancellationToken cancellationToken) =>
        Convert.ToInt32(
            await ScalarAsync("SELECT COUNT(*) FROM outbox_messages WHERE dead_at IS NOT NULL;", null, cancellationToken),
            CultureInfo.InvariantCulture);

    /// <summary>Dead letters, oldest first.</summary>
    public Task<IReadOnlyList<OutboxMessage>> ListDeadAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return QueryAsync(
            $"SELECT {Columns} FROM outbox_messages WHERE dead_at IS NOT NULL ORDER BY id LIMIT $limit;",
            command => command.Parameters.AddWithValue("$limit", limit),
            cancellationToken);
    }

    public async Task<OutboxMessage?> FindAsync(long id, CancellationToken cancellationToken) =>
        (await QueryAsync(
            $"SELECT {Columns} FROM outbox_messages WHERE id = $id;",
            command => command.Parameters.AddWithValue("$id", id),
            cancellationToken)).SingleOrDefault();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static void ValidateMethod(HttpMethod method)
    {
        if (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Trace)
        {
            throw new ArgumentException($"The outbox carries writes; {method} is not one.", nameof(method));
        }
    }

    private static void ValidatePath(string relativePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);

        // A leading slash would drop a path the hub URL may have (https://host/lineahub/ + /api → https://host/api).
        if (relativePath.StartsWith('/') || !Uri.TryCreate(relativePath, UriKind.Relative, out _))
        {
            throw new ArgumentException($"'{relativePath}' must be a path relative to the hub URL, without a leading slash.", nameof(relativePath));
        }
    }

    private static void ValidateKey(string idempotencyKey)
    {
        // Printable ASCII without spaces: it goes into a header unchanged.
        if (idempotencyKey.Length is 0 or > MaxIdempotencyKeyLength || idempotencyKey.Any(c => c is <= ' ' or > '~'))
        {
            throw new ArgumentException(
                $"An idempotency key is 1 to {MaxIdempotencyKeyLength} printable ASCII characters without spaces.", nameof(idempotencyKey));
        }
    }

    private static void ValidateJson(string jsonBody)
    {
        // Caught here, where the caller can fix it, instead of as a 400 dead letter later.
        try
        {
            using var _ = JsonDocument.Parse(jsonBody);
        }
        catch (JsonException exception)
        {
            throw new ArgumentException("The body is not valid JSON.", nameof(jsonBody), exception);
        }
    }

    private async Task<IReadOnlyList<OutboxMessage>> QueryAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<OutboxMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(Read(reader));
        }

        return messages;
    }

    private async Task<object?> ScalarAsync(string sql, Action<SqliteCommand>? bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind?.Invoke(command);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private async Task<int> ExecuteAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static OutboxMessage Read(SqliteDataReader reader) => new(
        Id: reader.GetInt64(0),
        Kind: reader.GetString(1),
        Method: new HttpMethod(reader.GetString(2)),
        RelativePath: reader.GetString(3),
        Body: reader.GetString(4),
        IdempotencyKey: reader.GetString(5),
        Attempts: reader.GetInt32(6),
        CreatedAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
        NextAttemptAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
        LastAttemptAt: reader.IsDBNull(9) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)),
        LastStatus: reader.IsDBNull(10) ? null : reader.GetInt32(10),
        LastError: reader.IsDBNull(11) ? null : reader.GetString(11),
        DeadAt: reader.IsDBNull(12) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(12)));
}
