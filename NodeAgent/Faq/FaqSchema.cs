using LineaHub.NodeAgent.Storage;

namespace LineaHub.NodeAgent.Faq;

internal static class FaqSchema
{
    // faq_entries: the published entries that apply to this office, each as the FaqEntry (JSON) the hub sent, at its version;
    // a tombstone deletes the row. faq_replica: one row, the change number applied so far (where the next sync resumes), the
    // synonym list and its version, the office's region and entity as the hub knows them, and the last successful sync.
    // faq_search_log: searches run here, query already anonymised (FaqSearchLogEntry, JSON), until a batch carries them to
    // the hub through the outbox. Times are Unix milliseconds (UTC).
    public static SchemaStep CreateFaqTables { get; } = new("faq", """
        CREATE TABLE faq_entries (
            id       TEXT    PRIMARY KEY,
            version  INTEGER NOT NULL,
            entry    TEXT    NOT NULL
        );

        CREATE TABLE faq_replica (
            id                INTEGER PRIMARY KEY CHECK (id = 1),
            applied_version   INTEGER NOT NULL,
            synonyms_version  INTEGER NULL,
            synonyms          TEXT    NULL,
            region_code       TEXT    NULL,
            entity_code       TEXT    NULL,
            last_sync_at      INTEGER NULL
        );
        INSERT INTO faq_replica (id, applied_version) VALUES (1, 0);

        CREATE TABLE faq_search_log (
            seq        INTEGER PRIMARY KEY AUTOINCREMENT,
            search     TEXT    NOT NULL,
            logged_at  INTEGER NOT NULL
        );
        """);
}
