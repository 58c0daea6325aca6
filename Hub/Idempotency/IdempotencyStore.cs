using LineaHub.Hub.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace LineaHub.Hub.Idempotency;

/// <summary>The <c>idempotency_records</c> table, used inside the transaction opened by <see cref="IdempotencyFilter"/>.</summary>
public sealed class IdempotencyStore(HubDbContext db)
{
    private const string NpgsqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>The savepoint taken right after the claim: a refused request rolls back to it and keeps the claim.</summary>
    public const string EndpointSavepoint = "idempotent_endpoint";

    private const string ClaimSql = """
        INSERT INTO idempotency_records (caller, endpoint, idempotency_key, request_hash, status, created_at_unix_seconds, expires_at_unix_seconds)
        VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6})
        ON CONFLICT DO NOTHING
        """;

    private const string ClaimWithSavepointSql = ClaimSql + ";\nSAVEPOINT " + EndpointSavepoint;

    /// <summary>
    /// Claims the key with one statement that inserts nothing when the key is taken, on SQLite and PostgreSQL
    /// alike. On PostgreSQL a competing transaction that inserted the same key and has not finished makes this
    /// statement wait for its outcome: inserted after a rollback, nothing after a commit.
    /// </summary>
    /// <returns>Whether this request claimed the key.</returns>
    public async Task<bool> TryClaimAsync(IdempotencyRecord record, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync(ClaimSql, Values(record), cancellationToken) == 1;

    /// <summary>
    /// <see cref="TryClaimAsync"/>, then takes <see cref="EndpointSavepoint"/> in <paramref name="transaction"/>. On
    /// PostgreSQL both travel in one round trip, and the savepoint is taken even when the key is taken (the caller
    /// then rolls the whole transaction back).
    /// </summary>
    public async Task<bool> TryClaimWithSavepointAsync(IdempotencyRecord record, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        if (db.Database.ProviderName == NpgsqlProvider)
        {
            // SAVEPOINT adds no rows to the count.
            return await db.Database.ExecuteSqlRawAsync(ClaimWithSavepointSql, Values(record), cancellationToken) == 1;
        }

        if (!await TryClaimAsync(record, cancellationToken))
        {
            return false;
        }

        await transaction.CreateSavepointAsync(EndpointSavepoint, cancellationToken);
        return true;
    }

    public Task<IdempotencyRecord?> FindAsync(string caller, string endpoint, string key, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Caller == caller && r.Endpoint == endpoint && r.IdempotencyKey == key, cancellationToken);

    private static object[] Values(IdempotencyRecord record) =>
        [record.Caller, record.Endpoint, record.IdempotencyKey, record.RequestHash, record.Status, record.CreatedAtUnixSeconds, record.ExpiresAtUnixSeconds];

    public async Task CompleteAsync(
        IdempotencyRecord record, int statusCode, string? headers, string? body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var completedAt = now.ToUnixTimeSeconds();
        // Plain SQL rather than ExecuteUpdate: this runs on every idempotent request, and ExecuteUpdate builds,
        // parameterises and looks up its expression tree at each call.
        var updated = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            UPDATE idempotency_records
            SET status = {IdempotencyStates.Completed}, response_status_code = {statusCode}, response_headers = {headers},
                response_body = {body}, completed_at_unix_seconds = {completedAt}
            WHERE caller = {record.Caller} AND endpoint = {record.Endpoint} AND idempotency_key = {record.IdempotencyKey}
            """,
            cancellationToken);
        if (updated != 1)
        {
            throw new InvalidOperationException("The idempotency record claimed by this request is gone.");
        }
    }
}
