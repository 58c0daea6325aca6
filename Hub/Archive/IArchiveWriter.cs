using LineaHub.Hub.Storage;

namespace LineaHub.Hub.Archive;

/// <summary>Stores archive records the way each database does best.</summary>
public interface IArchiveWriter
{
    /// <summary>
    /// Stores the records not stored yet (key: node, record id, closing hour) and adds exactly those to the rollups,
    /// inside the context's current transaction (there must be one). Returns the record ids stored by this call.
    /// </summary>
    Task<IReadOnlySet<string>> WriteAsync(HubDbContext db, IReadOnlyList<ArchivedContact> records, CancellationToken cancellationToken);
}
