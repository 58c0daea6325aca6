using Microsoft.EntityFrameworkCore;

namespace LineaHub.Hub.Storage;

public static class HubDbContextTransactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction: the Idempotency-Key filter's when it has opened one (its commit
    /// then stores the answer with the change), else a transaction of its own, committed when the work returns.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this HubDbContext db, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work();
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
