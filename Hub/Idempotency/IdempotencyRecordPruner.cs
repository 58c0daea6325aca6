using LineaHub.Hub.Scheduling;
using LineaHub.Hub.Storage;
using Microsoft.EntityFrameworkCore;

namespace LineaHub.Hub.Idempotency;

/// <summary>Forgets keys past their retention: a request sent with one of them again runs as a new request.</summary>
public sealed class IdempotencyRecordPruner(HubDbContext db, TimeProvider clock) : IPruner
{
    public string What => "expired idempotency records";

    public Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        return db.IdempotencyRecords.Where(r => r.ExpiresAtUnixSeconds <= now).ExecuteDeleteAsync(cancellationToken);
    }
}
