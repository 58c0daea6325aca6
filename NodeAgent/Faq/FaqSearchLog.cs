using System.Globalization;
using System.Text.Json;
using LineaHub.NodeAgent.Storage;
using LineaHub.Schemas.Faq;
using Microsoft.Data.Sqlite;

namespace LineaHub.NodeAgent.Faq;

/// <summary>
/// Searches run on the replica, waiting in <c>faq_search_log</c> for the <see cref="FaqSearchLogBatcher"/> to carry them to
/// the hub. The caller anonymises the query before it gets here: nothing an operator typed is stored in clear.
/// </summary>
public sealed class FaqSearchLog(AgentDatabase database, TimeProvider clock)
{
    private readonly ChangeSignal _changed = new();

    /// <summary>Completes at the next search logged in this process.</summary>
    internal Task NextChange => _changed.Next;

    public async Task AddAsync(FaqSearchLogEntry search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        await database.WriteAsync(
            transaction => transaction.ExecuteAsync(
                "INSERT INTO faq_search_log (search, logged_at) VALUES ($search, $now);",
                cancellationToken,
                ("$search", JsonSerializer.Serialize(search, JsonSerializerOptions.Web)), ("$now", clock.GetUtcNow().ToStored())),
            cancellationToken);
        _changed.Notify();
    }

    /// <summary>How many searches wait, counting at most <paramref name="limit"/>, and when the oldest was logged.</summary>
    public async Task<(int Count, DateTimeOffset? OldestAt)> PeekAsync(SqliteTransaction transaction, int limit, CancellationToken cancellationToken) =>
        (await transaction.QueryAsync(
            "SELECT COUNT(*), MIN(logged_at) FROM (SELECT logged_at FROM faq_search_log ORDER BY seq LIMIT $limit);",
            reader => (reader.GetInt32(0), reader.GetNullableTime(1)),
            cancellationToken,
            ("$limit", limit))).Single();

    /// <summary>Takes the oldest <paramref name="limit"/> searches out of the log, in order (the caller puts them in a batch in the same transaction).</summary>
    public async Task<IReadOnlyList<FaqSearchLogEntry>> TakeAsync(SqliteTransaction transaction, int limit, CancellationToken cancellationToken)
    {
        var rows = await transaction.QueryAsync(
            "SELECT seq, search FROM faq_search_log ORDER BY seq LIMIT $limit;",
            reader => (Seq: reader.GetInt64(0), Search: JsonSerializer.Deserialize<FaqSearchLogEntry>(reader.GetString(1), JsonSerializerOptions.Web)!),
            cancellationToken,
            ("$limit", limit));
        if (rows.Count > 0)
        {
            await transaction.ExecuteAsync("DELETE FROM faq_search_log WHERE seq <= $last;", cancellationToken, ("$last", rows[^1].Seq));
        }

        return [.. rows.Select(r => r.Search)];
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken) =>
        Convert.ToInt32(
            await database.ReadAsync(transaction => transaction.ScalarAsync("SELECT COUNT(*) FROM faq_search_log;", cancellationToken), cancellationToken),
            CultureInfo.InvariantCulture);
}
