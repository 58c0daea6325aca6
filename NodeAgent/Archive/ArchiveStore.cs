using System.Globalization;
using System.Text.Json;
using LineaHub.NodeAgent.Storage;
using LineaHub.Schemas.Archive;
using Microsoft.Data.Sqlite;

namespace LineaHub.NodeAgent.Archive;

/// <summary>
/// The office's archived contacts (<c>archive_records</c>): one row per contact id, holding the anonymised record until
/// the hub has answered for it. Every method works inside the caller's transaction; <see cref="NotifyChanged"/> after the
/// commit wakes the <see cref="ArchiveBatcher"/>.
/// </summary>
public sealed class ArchiveStore(TimeProvider clock)
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Refused = "refused";

    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Completes at the next <see cref="NotifyChanged"/>; take it before looking for work, then wait on it.</summary>
    internal Task NextChange => Volatile.Read(ref _changed).Task;

    /// <summary>Records were added or a batch was answered, in this process.</summary>
    public void NotifyChanged() => Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();

    /// <summary>Stores the record unless its contact id is already archived; either way returns when that id was archived.</summary>
    public async Task<(DateTimeOffset ArchivedAt, bool Added)> AddAsync(SqliteTransaction transaction, ArchiveRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var added = await transaction.ExecuteAsync(
            """
            INSERT INTO archive_records (record_id, record, state, archived_at) VALUES ($id, $record, $pending, $now)
            ON CONFLICT (record_id) DO NOTHING;
            """,
            cancellationToken,
            ("$id", record.RecordId), ("$record", JsonSerializer.Serialize(record, JsonSerializerOptions.Web)), ("$pending", Pending),
            ("$now", clock.GetUtcNow().ToStored())) == 1;
        var archivedAt = (long)(await transaction.ScalarAsync(
            "SELECT archived_at FROM archive_records WHERE record_id = $id;", cancellationToken, ("$id", record.RecordId)))!;
        return (DateTimeOffset.FromUnixTimeMilliseconds(archivedAt), added);
    }

    /// <summary>How many records wait for a batch, counting at most <paramref name="limit"/>, and when the oldest was archived.</summary>
    public async Task<(int Count, DateTimeOffset? OldestAt)> PeekUnbatchedAsync(SqliteTransaction transaction, int limit, CancellationToken cancellationToken)
    {
        var row = (await transaction.QueryAsync(
            """
            SELECT COUNT(*), MIN(archived_at) FROM (
                SELECT archived_at FROM archive_records WHERE state = $pending AND batch_id IS NULL ORDER BY seq LIMIT $limit);
            """,
            reader => (reader.GetInt32(0), reader.GetNullableTime(1)),
            cancellationToken,
            ("$pending", Pending), ("$limit", limit))).Single();
        return row;
    }

    /// <summary>
    /// The oldest <paramref name="limit"/> records waiting for a batch, in order; <see cref="AssignBatchAsync"/> in the same
    /// transaction then ties exactly these to their batch.
    /// </summary>
    public async Task<(IReadOnlyList<ArchiveRecord> Records, long LastSeq)> ListUnbatchedAsync(
        SqliteTransaction transaction, int limit, CancellationToken cancellationToken)
    {
        var rows = await transaction.QueryAsync(
            "SELECT seq, record FROM archive_records WHERE state = $pending AND batch_id IS NULL ORDER BY seq LIMIT $limit;",
            reader => (Seq: reader.GetInt64(0), Record: JsonSerializer.Deserialize<ArchiveRecord>(reader.GetString(1), JsonSerializerOptions.Web)!),
            cancellationToken,
            ("$pending", Pending), ("$limit", limit));
        return ([.. rows.Select(r => r.Record)], rows.Count == 0 ? 0 : rows[^1].Seq);
    }

    /// <summary>Ties every record still waiting up to <paramref name="lastSeq"/> to the outbox message that carries it.</summary>
    public Task<int> AssignBatchAsync(SqliteTransaction transaction, long lastSeq, long batchId, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync(
            "UPDATE archive_records SET batch_id = $batch WHERE state = $pending AND batch_id IS NULL AND seq <= $last;",
            cancellationToken,
            ("$batch", batchId), ("$pending", Pending), ("$last", lastSeq));

    /// <summary>
    /// The hub's answer to a batch: stored and already stored records are sent, refused ones keep the reasons; the records
    /// themselves are dropped, since the hub is now the archive. A record the answer does not mention goes back to wait for
    /// another batch (the hub stores it once, whatever the retries).
    /// </summary>
    public async Task<ArchiveAnswer> ApplyAnswerAsync(
        SqliteTransaction transaction, long batchId, ArchiveBatchResponse response, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToStored();
        var sent = 0;
        foreach (var id in response.Accepted.Concat(response.AlreadyStored))
        {
            sent += await transaction.ExecuteAsync(
                """
                UPDATE archive_records SET state = $sent, record = NULL, answered_at = $now
                WHERE batch_id = $batch AND record_id = $id AND state = $pending;
                """,
                cancellationToken,
                ("$sent", Sent), ("$now", now), ("$batch", batchId), ("$id", id), ("$pending", Pending));
        }

        var refused = 0;
        foreach (var refusal in response.Refused)
        {
            // The hub leaves the id out when the id itself is at fault; the position in the batch still names the record.
            var id = refusal.RecordId ?? await transaction.ScalarAsync(
                "SELECT record_id FROM archive_records WHERE batch_id = $batch ORDER BY seq LIMIT 1 OFFSET $index;",
                cancellationToken,
                ("$batch", batchId), ("$index", refusal.Index)) as string;
            refused += await transaction.ExecuteAsync(
                """
                UPDATE archive_records SET state = $refused, record = NULL, errors = $errors, answered_at = $now
                WHERE batch_id = $batch AND record_id = $id AND state = $pending;
                """,
                cancellationToken,
                ("$refused", Refused), ("$errors", JsonSerializer.Serialize(refusal.Errors, JsonSerializerOptions.Web)), ("$now", now),
                ("$batch", batchId), ("$id", id), ("$pending", Pending));
        }

        var released = await ReleaseBatchAsync(transaction, batchId, cancellationToken);
        return new ArchiveAnswer(sent, refused, released);
    }

    /// <summary>Every record of the batch not yet answered waits for a new batch.</summary>
    public Task<int> ReleaseBatchAsync(SqliteTransaction transaction, long batchId, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync(
            "UPDATE archive_records SET batch_id = NULL WHERE batch_id = $batch AND state = $pending;",
            cancellationToken,
            ("$batch", batchId), ("$pending", Pending));

    /// <summary>
    /// Records tied to a batch that is no longer in the outbox, unanswered: the hub acknowledged the batch but the agent
    /// stopped before it read the answer. They wait for a new batch; the hub answers "already stored" for those it has.
    /// </summary>
    public Task<int> ReleaseOrphansAsync(SqliteTransaction transaction, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync(
            """
            UPDATE archive_records SET batch_id = NULL
            WHERE state = $pending AND batch_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM outbox_messages m WHERE m.id = batch_id);
            """,
            cancellationToken,
            ("$pending", Pending));

    public async Task<int> CountAsync(SqliteTransaction transaction, string state, CancellationToken cancellationToken) =>
        Convert.ToInt32(
            await transaction.ScalarAsync("SELECT COUNT(*) FROM archive_records WHERE state = $state;", cancellationToken, ("$state", state)),
            CultureInfo.InvariantCulture);

    /// <summary>Pending records whose batch the hub refused as a whole (a dead letter in the outbox).</summary>
    public async Task<int> CountInDeadBatchesAsync(SqliteTransaction transaction, CancellationToken cancellationToken) =>
        Convert.ToInt32(
            await transaction.ScalarAsync(
                """
                SELECT COUNT(*) FROM archive_records r JOIN outbox_messages m ON m.id = r.batch_id
                WHERE r.state = $pending AND m.dead_at IS NOT NULL;
                """,
                cancellationToken,
                ("$pending", Pending)),
            CultureInfo.InvariantCulture);

    /// <summary>Records the hub refused, most recent first, with its reasons.</summary>
    public Task<IReadOnlyList<RefusedContact>> ListRefusedAsync(SqliteTransaction transaction, int limit, CancellationToken cancellationToken) =>
        transaction.QueryAsync(
            "SELECT record_id, answered_at, errors FROM archive_records WHERE state = $refused ORDER BY answered_at DESC, seq DESC LIMIT $limit;",
            reader => new RefusedContact(
                reader.GetString(0),
                reader.GetTime(1),
                JsonSerializer.Deserialize<IReadOnlyList<ArchiveRecordError>>(reader.GetString(2), JsonSerializerOptions.Web) ?? []),
            cancellationToken,
            ("$refused", Refused), ("$limit", limit));

    /// <summary>Batches the hub refused as a whole (outbox dead letters), oldest first, with how many records each holds.</summary>
    public Task<IReadOnlyList<DeadBatch>> ListDeadBatchesAsync(SqliteTransaction transaction, int limit, CancellationToken cancellationToken) =>
        transaction.QueryAsync(
            """
            SELECT m.id, COUNT(*), m.last_status, m.last_error, m.dead_at
            FROM outbox_messages m JOIN archive_records r ON r.batch_id = m.id AND r.state = $pending
            WHERE m.dead_at IS NOT NULL
            GROUP BY m.id ORDER BY m.id LIMIT $limit;
            """,
            reader => new DeadBatch(
                reader.GetInt64(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetInt32(2), reader.GetNullableString(3), reader.GetTime(4)),
            cancellationToken,
            ("$pending", Pending), ("$limit", limit));

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
