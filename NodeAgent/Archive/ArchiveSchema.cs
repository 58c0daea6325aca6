using LineaHub.NodeAgent.Storage;

namespace LineaHub.NodeAgent.Archive;

internal static class ArchiveSchema
{
    // One row per closed contact the office archived, keyed by the office's own contact id, so a contact is archived
    // once however often it is sent. record is the anonymised ArchiveRecord (JSON) — nothing raw is ever stored — and is
    // dropped once the hub has answered for it. state: pending (not yet answered), sent (stored by the hub, now or
    // before), refused (errors holds the hub's reasons). batch_id is the outbox message that carries the record; NULL
    // while it waits for a batch. Times are Unix milliseconds (UTC). seq keeps the order contacts were archived in.
    public static SchemaStep CreateArchiveRecords { get; } = new("archive", """
        CREATE TABLE archive_records (
            seq          INTEGER PRIMARY KEY AUTOINCREMENT,
            record_id    TEXT    NOT NULL UNIQUE,
            record       TEXT    NULL,
            state        TEXT    NOT NULL,
            batch_id     INTEGER NULL,
            errors       TEXT    NULL,
            archived_at  INTEGER NOT NULL,
            answered_at  INTEGER NULL
        );
        CREATE INDEX ix_archive_records_unbatched ON archive_records (seq) WHERE state = 'pending' AND batch_id IS NULL;
        CREATE INDEX ix_archive_records_batch ON archive_records (batch_id) WHERE batch_id IS NOT NULL;
        CREATE INDEX ix_archive_records_state ON archive_records (state, answered_at);
        """);
}
