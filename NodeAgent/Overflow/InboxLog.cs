using System.Globalization;
using LineaHub.NodeAgent.Storage;
using LineaHub.Schemas.Overflow;
using Microsoft.Data.Sqlite;

namespace LineaHub.NodeAgent.Overflow;

/// <summary>
/// The inbox messages the agent has handled, one row each, keyed by the hub's message id (per node, so a new
/// identity starts afresh). Delivery is at least once: a message found here was handled and changes nothing.
/// </summary>
public sealed class InboxLog(TimeProvider clock)
{
    public async Task<bool> ContainsAsync(SqliteTransaction transaction, Guid nodeId, long messageId, CancellationToken cancellationToken) =>
        await transaction.ScalarAsync(
            "SELECT 1 FROM inbox_log WHERE node_id = $node AND message_id = $id;",
            cancellationToken,
            ("$node", Node(nodeId)), ("$id", messageId)) is not null;

    public Task AddAsync(SqliteTransaction transaction, Guid nodeId, InboxMessage message, string outcome, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync(
            """
            INSERT INTO inbox_log (node_id, message_id, kind, ticket_code, action, from_status, to_status, outcome, created_at, handled_at)
            VALUES ($node, $id, $kind, $code, $action, $from, $to, $outcome, $createdAt, $now);
            """,
            cancellationToken,
            ("$node", Node(nodeId)), ("$id", message.Id), ("$kind", message.Kind), ("$code", message.TicketCode),
            ("$action", message.Change?.Action), ("$from", message.Change?.From), ("$to", message.Change?.To ?? message.Ticket?.Status),
            ("$outcome", outcome), ("$createdAt", message.CreatedAt.ToStored()), ("$now", clock.GetUtcNow().ToStored()));

    /// <summary>The latest entries, newest first.</summary>
    public Task<IReadOnlyList<InboxLogEntry>> ListRecentAsync(SqliteTransaction transaction, int limit, CancellationToken cancellationToken) =>
        transaction.QueryAsync(
            """
            SELECT message_id, kind, ticket_code, action, from_status, to_status, outcome, created_at, handled_at
            FROM inbox_log ORDER BY handled_at DESC, message_id DESC LIMIT $limit;
            """,
            reader => new InboxLogEntry(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetNullableString(3),
                reader.GetNullableString(4),
                reader.GetNullableString(5),
                reader.GetString(6),
                reader.GetTime(7),
                reader.GetTime(8)),
            cancellationToken,
            ("$limit", limit));

    /// <summary>
    /// Forgets entries handled before <paramref name="before"/>. They were acknowledged long ago, so the hub no
    /// longer has them to deliver again.
    /// </summary>
    public Task<int> PruneAsync(SqliteTransaction transaction, DateTimeOffset before, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync("DELETE FROM inbox_log WHERE handled_at < $before;", cancellationToken, ("$before", before.ToStored()));

    private static string Node(Guid nodeId) => nodeId.ToString("D", CultureInfo.InvariantCulture);
}
