using LineaHub.Hub.Scheduling;
using LineaHub.Hub.Storage;
using Microsoft.EntityFrameworkCore;

namespace LineaHub.Hub.Auth;

/// <summary>Forgets client assertions that have expired: they can no longer be replayed anyway.</summary>
public sealed class UsedAssertionPruner(HubDbContext db, TimeProvider clock) : IPruner
{
    public string What => "expired client assertions";

    /// <summary>A margin past expiry, for clock skew between agent and hub.</summary>
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    public Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = (clock.GetUtcNow() - Skew).ToUnixTimeSeconds();
        return db.UsedClientAssertions.Where(a => a.ExpiresAtUnixSeconds < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
