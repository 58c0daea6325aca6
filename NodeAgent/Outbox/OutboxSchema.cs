using LineaHub.NodeAgent.Storage;

namespace LineaHub.NodeAgent.Outbox;

internal static class OutboxSchema
{
    // AUTOINCREMENT: ids are never reused after deliveries delete rows, so id order stays enqueue order.
    // Times are Unix milliseconds (UTC). A row with dead_at set is a dead letter; otherwise it is pending.
    public static SchemaStep CreateOutbox { get; } = new("outbox", """
        CREATE TABLE outbox_messages (
            id               INTEGER PRIMARY KEY AUTOINCREMENT,
            kind             TEXT    NOT NULL,
            method           TEXT    NOT NULL,
            relative_path    TEXT    NOT NULL,
            body             TEXT    NOT NULL,
            idempotency_key  TEXT    NOT NULL UNIQUE,
            attempts         INTEGER NOT NULL DEFAULT 0,
            created_at       INTEGER NOT NULL,
            next_attempt_at  INTEGER NOT NULL,
            last_attempt_at  INTEGER NULL,
            last_status      INTEGER NULL,
            last_error       TEXT    NULL,
            dead_at          INTEGER NULL
        );
        CREATE INDEX ix_outbox_messages_pending ON outbox_messages (id) WHERE dead_at IS NULL;
        CREATE INDEX ix_outbox_messages_dead ON outbox_messages (id) WHERE dead_at IS NOT NULL;
        """);
}
