using LineaHub.NodeAgent.Storage;

namespace LineaHub.NodeAgent.Archive;

/// <summary>
/// Archives closed contacts: builds each anonymised record (<see cref="ArchiveRecordBuilder"/>) and stores the valid ones
/// in one transaction, each under its contact id, so a contact is archived once however often it comes. Nothing of a
/// refused contact is stored. The <see cref="ArchiveBatcher"/> takes the records to the hub.
/// </summary>
public sealed class ContactArchiver(AgentDatabase database, ArchiveStore store, PseudonymSecret secret, TimeProvider clock)
{
    public async Task<ArchiveOutcome> ArchiveAsync(ClosedContact contact, CancellationToken cancellationToken) =>
        (await ArchiveAsync([contact], cancellationToken))[0];

    /// <summary>One outcome per contact, in order; the valid ones are stored together or not at all.</summary>
    public async Task<IReadOnlyList<ArchiveOutcome>> ArchiveAsync(IReadOnlyList<ClosedContact> contacts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        var key = await secret.GetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var builds = contacts.Select(contact => ArchiveRecordBuilder.Build(contact, key, now)).ToList();
        if (builds.All(build => build.Record is null))
        {
            return [.. builds.Select(build => ArchiveOutcome.Refused(build.Errors))];
        }

        var outcomes = await database.WriteAsync(
            async transaction =>
            {
                var stored = new List<ArchiveOutcome>(builds.Count);
                foreach (var build in builds)
                {
                    if (build.Record is not { } record)
                    {
                        stored.Add(ArchiveOutcome.Refused(build.Errors));
                        continue;
                    }

                    var (archivedAt, added) = await store.AddAsync(transaction, record, cancellationToken);
                    stored.Add(new ArchiveOutcome(new ContactArchived(record.RecordId!, archivedAt), !added, []));
                }

                return stored;
            },
            cancellationToken);
        store.NotifyChanged();
        return outcomes;
    }
}
