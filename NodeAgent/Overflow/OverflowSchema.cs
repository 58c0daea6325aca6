using LineaHub.NodeAgent.Storage;

namespace LineaHub.NodeAgent.Overflow;

internal static class OverflowSchema
{
    // Times are Unix milliseconds (UTC). Versions are the hub's ticket versions; 0 until the hub has answered.
    // own_ticket_contacts holds the citizen's contact data in clear: it is the office's own data on its own
    // machine, in a file only the agent's user can read; it leaves only sealed for the receiving office.
    // received_tickets keeps the envelope as received and opens it only when someone reads the ticket.
    // inbox_log makes inbox handling idempotent (one row per hub message) and keeps a short history of changes.
    public static SchemaStep CreateOverflowTables { get; } = new("overflow", """
        CREATE TABLE own_tickets (
            code          TEXT    PRIMARY KEY,
            category      TEXT    NOT NULL,
            status        TEXT    NOT NULL,
            version       INTEGER NOT NULL DEFAULT 0,
            opened_at     INTEGER NOT NULL,
            offered_at    INTEGER NULL,
            queued_since  INTEGER NULL,
            offered_to    TEXT    NULL,
            updated_at    INTEGER NOT NULL
        );
        CREATE INDEX ix_own_tickets_open ON own_tickets (opened_at) WHERE status = 'open' AND offered_at IS NULL;
        CREATE INDEX ix_own_tickets_offered_at ON own_tickets (offered_at) WHERE offered_at IS NOT NULL;

        CREATE TABLE own_ticket_contacts (
            code     TEXT PRIMARY KEY REFERENCES own_tickets (code) ON DELETE CASCADE,
            contact  TEXT NOT NULL
        );

        CREATE TABLE received_tickets (
            code         TEXT    PRIMARY KEY,
            status       TEXT    NOT NULL,
            version      INTEGER NOT NULL,
            category     TEXT    NOT NULL,
            ticket       TEXT    NOT NULL,
            deadline_at  INTEGER NULL,
            envelope     TEXT    NULL,
            received_at  INTEGER NOT NULL,
            updated_at   INTEGER NOT NULL
        );
        CREATE INDEX ix_received_tickets_status ON received_tickets (status, received_at);

        CREATE TABLE inbox_log (
            node_id      TEXT    NOT NULL,
            message_id   INTEGER NOT NULL,
            kind         TEXT    NOT NULL,
            ticket_code  TEXT    NOT NULL,
            action       TEXT    NULL,
            from_status  TEXT    NULL,
            to_status    TEXT    NULL,
            outcome      TEXT    NOT NULL,
            created_at   INTEGER NOT NULL,
            handled_at   INTEGER NOT NULL,
            PRIMARY KEY (node_id, message_id)
        );
        CREATE INDEX ix_inbox_log_handled_at ON inbox_log (handled_at);
        CREATE INDEX ix_inbox_log_ticket ON inbox_log (ticket_code, message_id);
        """);
}
