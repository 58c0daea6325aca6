using LineaHub.NodeAgent.Outbox;
using LineaHub.NodeAgent.Storage;
using Microsoft.Extensions.Options;

namespace LineaHub.NodeAgent.Archive;

/// <summary>Reads <see cref="ArchiveStatus"/> from one snapshot of the agent's database; works whether or not the agent runs.</summary>
public sealed class ArchiveStatusQuery(AgentDatabase database, ArchiveStore store, OutboxStore outbox, IOptions<ArchiveOptions> options)
{
    public Task<ArchiveStatus> GetAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(
            async transaction =>
            {
                var limit = options.Value.StatusListLimit;
                var dead = await store.CountInDeadBatchesAsync(transaction, cancellationToken);
                var failed = await outbox.FindLastFailedAsync(transaction, ArchiveBatcher.Kind, cancellationToken);
                return new ArchiveStatus(
                    await store.CountAsync(transaction, ArchiveStore.Pending, cancellationToken) - dead,
                    await store.CountAsync(transaction, ArchiveStore.Sent, cancellationToken),
                    await store.CountAsync(transaction, ArchiveStore.Refused, cancellationToken),
                    dead,
                    await outbox.CountPendingAsync(transaction, ArchiveBatcher.Kind, cancellationToken),
                    failed is null ? null : new ArchiveDeliveryError(failed.Id, failed.LastAttemptAt!.Value, failed.LastStatus, failed.LastError!, failed.IsDead),
                    await store.ListRefusedAsync(transaction, limit, cancellationToken),
                    await store.ListDeadBatchesAsync(transaction, limit, cancellationToken));
            },
            cancellationToken);
}
