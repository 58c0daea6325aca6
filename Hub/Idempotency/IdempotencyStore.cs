using LineaHub.Hub.Storage;
using Microsoft.EntityFrameworkCore;

namespace LineaHub.Hub.Idempotency;

/// <summary>The <c>idempotency_records</c> table, used inside the transaction opened by <see cref="IdempotencyFilter"/>.</summary>
public sealed class IdempotencyStore(HubDbContext db)
{
    /// <summary>
    /// Claims the key with one statement that inserts nothing when the key is taken, on SQLite and PostgreSQL
    /// alike. On PostgreSQL a competing transaction that inserted the same key and has not finished makes this
    /// statement wait for its outcome: inserted after a rollback, nothing after a commit.
    /// </summary>
    /// <returns>Whether this request claimed the key.</returns>
    public async Task<bool> TryClaimAsync(IdempotencyRecord record, CancellationToken cancellationToken)
    {
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO idempotency_records (caller, endpoint, idempotency_key, request_hash, status, created_at_unix_seconds, expires_at_unix_seconds)
            VALUES ({record.Caller}, {record.Endpoint}, {record.IdempotencyKey}, {record.RequestHash}, {record.Status}, {record.CreatedAtUnixSeconds}, {record.ExpiresAtUnixSeconds})
            ON CONFLICT DO NOTHING
            """,
            cancellationToken);
        return inserted == 1;
    }

    public Task<IdempotencyRecord?> FindAsync(string caller, string endpoint, string key, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Caller == caller && r.Endpoint == endpoint && r.IdempotencyKey == key, cancellationToken);

    public async Task CompleteAsync(
        IdempotencyRecord record, int statusCode, string? headers, string? body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var completedAt = now.ToUnixTimeSeconds();
        var updated = await db.IdempotencyRecords
            .Where(r => r.Caller == record.Caller && r.Endpoint == record.Endpoint && r.IdempotencyKey == record.IdempotencyKey)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(r => r.Status, IdempotencyStates.Completed)
                    .SetProperty(r => r.ResponseStatusCode, statusCode)
                    .SetProperty(r => r.ResponseHeaders, headers)
                    .SetProperty(r => r.ResponseBody, body)
                    .SetProperty(r => r.CompletedAtUnixSeconds, completedAt),
                cancellationToken);
        if (updated != 1)
        {
            throw new InvalidOperationException("The idempotency record claimed by this request is gone.");
        }
    }
}
