using LineaHub.NodeAgent.Archive;
using LineaHub.NodeAgent.Faq;
using LineaHub.NodeAgent.Outbox;
using LineaHub.NodeAgent.Overflow;

namespace LineaHub.NodeAgent.Storage;

/// <summary>
/// The agent's schema as an append-only list; <c>PRAGMA user_version</c> records how many steps a
/// database file has had. Each feature keeps its SQL in its own folder and adds its step here, at the end.
/// </summary>
public static class AgentSchema
{
    public static IReadOnlyList<SchemaStep> Steps { get; } =
    [
        OutboxSchema.CreateOutbox,
        OverflowSchema.CreateOverflowTables,
        ArchiveSchema.CreateArchiveRecords,
        FaqSchema.CreateFaqTables,
    ];
}
