using LineaHub.Schemas.Archive;

namespace LineaHub.NodeAgent.Archive;

/// <summary>What became of one closed contact: archived (now, or by an earlier request with its id), or refused with reasons.</summary>
/// <param name="Repeated">The contact id was archived before: nothing was added.</param>
public sealed record ArchiveOutcome(ContactArchived? Archived, bool Repeated, IReadOnlyList<ArchiveRecordError> Errors)
{
    public static ArchiveOutcome Refused(IReadOnlyList<ArchiveRecordError> errors) => new(null, false, errors);
}
