using System.Text.Json;
using LineaHub.NodeAgent.Storage;
using LineaHub.Schemas.Handover;
using LineaHub.Schemas.Tickets;
using Microsoft.Data.Sqlite;

namespace LineaHub.NodeAgent.Overflow;

/// <summary>
/// The tickets this office opened through the agent and the citizens' contact data for them. Every method works
/// inside the caller's transaction, so a change here and the message it causes in the outbox go together.
/// </summary>
public sealed class OwnTicketStore(TimeProvider clock)
{
    private const string Columns = """
        t.code, t.category, t.status, t.version, t.opened_at, t.offered_at, t.queued_since, t.offered_to,
        EXISTS (SELECT 1 FROM own_ticket_contacts c WHERE c.code = t.code)
        """;

    public async Task AddAsync(SqliteTransaction transaction, string code, string category, CitizenContact? contact, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToStored();
        await transaction.ExecuteAsync(
            """
            INSERT INTO own_tickets (code, category, status, opened_at, updated_at)
            VALUES ($code, $category, $status, $now, $now);
            """,
            cancellationToken,
            ("$code", code), ("$category", category), ("$status", TicketStates.Open), ("$now", now));
        if (contact is not null)
        {
            await transaction.ExecuteAsync(
                "INSERT INTO own_ticket_contacts (code, contact) VALUES ($code, $contact);",
                cancellationToken,
                ("$code", code), ("$contact", JsonSerializer.Serialize(contact, JsonSerializerOptions.Web)));
        }
    }

    public async Task<OwnTicket?> FindAsync(SqliteTransaction transaction, string code, CancellationToken cancellationToken) =>
        (await transaction.QueryAsync($"SELECT {Columns} FROM own_tickets t WHERE t.code = $code;", Read, cancellationToken, ("$code", code)))
        .SingleOrDefault();

    /// <summary>The citizen's contact data for one of this office's tickets, or null when there is none (any more).</summary>
    public async Task<CitizenContact?> FindContactAsync(SqliteTransaction transaction, string code, CancellationToken cancellationToken)
    {
        var json = await transaction.ScalarAsync("SELECT contact FROM own_ticket_contacts WHERE code = $code;", cancellationToken, ("$code", code));
        return json is string text ? JsonSerializer.Deserialize<CitizenContact>(text, JsonSerializerOptions.Web) : null;
    }

    /// <summary>
    /// The office itself acted on the ticket: its status as predicted by the state machine, the time of an offer
    /// (for the cap), and the contact data gone once the ticket is final. Returns false for a ticket not opened here.
    /// </summary>
    public async Task<bool> RecordActionAsync(SqliteTransaction transaction, string code, string action, CancellationToken cancellationToken)
    {
        if (await FindAsync(transaction, code, cancellationToken) is not { } ticket)
        {
            return false;
        }

        var offered = action == TicketActions.Offer;
        await UpdateAsync(
            transaction,
            code,
            LocalStatus.After(ticket.Status, action),
            ticket.Version,
            offered ? clock.GetUtcNow() : ticket.OfferedAt,
            offered ? null : ticket.QueuedSince,
            offered ? null : ticket.OfferedTo,
            cancellationToken);
        return true;
    }

    /// <summary>
    /// The hub's view of the ticket (an inbox message or its answer to a write), when newer than what is known
    /// here. Returns false when the ticket was not opened here or the view is not newer.
    /// </summary>
    public async Task<bool> ApplyAsync(SqliteTransaction transaction, TicketView view, CancellationToken cancellationToken)
    {
        if (await FindAsync(transaction, view.Code, cancellationToken) is not { } ticket || view.Version <= ticket.Version)
        {
            return false;
        }

        await UpdateAsync(
            transaction,
            view.Code,
            view.Status,
            view.Version,
            ticket.OfferedAt,
            view.Overflow?.QueuedSince,
            view.Overflow?.OfferedTo?.Name,
            cancellationToken);
        return true;
    }

    /// <summary>Tickets the policy may offer: still open here and never offered, oldest first.</summary>
    public Task<IReadOnlyList<OwnTicket>> ListOfferCandidatesAsync(SqliteTransaction transaction, int limit, CancellationToken cancellationToken) =>
        transaction.QueryAsync(
            $"SELECT {Columns} FROM own_tickets t WHERE t.status = $open AND t.offered_at IS NULL ORDER BY t.opened_at, t.code LIMIT $limit;",
            Read,
            cancellationToken,
            ("$open", TicketStates.Open), ("$limit", limit));

    /// <summary>When this office offered tickets since <paramref name="since"/>, oldest first (the rolling cap).</summary>
    public Task<IReadOnlyList<DateTimeOffset>> ListOfferTimesAsync(SqliteTransaction transaction, DateTimeOffset since, CancellationToken cancellationToken) =>
        transaction.QueryAsync(
            "SELECT offered_at FROM own_tickets WHERE offered_at > $since ORDER BY offered_at;",
            reader => reader.GetTime(0),
            cancellationToken,
            ("$since", since.ToStored()));

    /// <summary>This office's tickets out in the exchange now: offered to a peer, or waiting in the network queue.</summary>
    public Task<IReadOnlyList<OwnTicket>> ListInExchangeAsync(SqliteTransaction transaction, CancellationToken cancellationToken) =>
        transaction.QueryAsync(
            $"""
            SELECT {Columns} FROM own_tickets t
            WHERE t.status = $offered OR (t.status IN ($open, $declined) AND t.queued_since IS NOT NULL)
            ORDER BY t.opened_at, t.code;
            """,
            Read,
            cancellationToken,
            ("$offered", TicketStates.Offered), ("$open", TicketStates.Open), ("$declined", TicketStates.Declined));

    private async Task UpdateAsync(
        SqliteTransaction transaction,
        string code,
        string status,
        int version,
        DateTimeOffset? offeredAt,
        DateTimeOffset? queuedSince,
        string? offeredTo,
        CancellationToken cancellationToken)
    {
        await transaction.ExecuteAsync(
            """
            UPDATE own_tickets
            SET status = $status, version = $version, offered_at = $offeredAt, queued_since = $queuedSince,
                offered_to = $offeredTo, updated_at = $now
            WHERE code = $code;
            """,
            cancellationToken,
            ("$code", code), ("$status", status), ("$version", version), ("$offeredAt", offeredAt.ToStored()),
            ("$queuedSince", queuedSince.ToStored()), ("$offeredTo", offeredTo), ("$now", clock.GetUtcNow().ToStored()));

        // A closed or cancelled ticket needs no call-back: the office keeps the citizen's data no longer than that.
        if (LocalStatus.IsFinal(status))
        {
            await transaction.ExecuteAsync("DELETE FROM own_ticket_contacts WHERE code = $code;", cancellationToken, ("$code", code));
        }
    }

    private static OwnTicket Read(SqliteDataReader reader) => new(
        Code: reader.GetString(0),
        Category: reader.GetString(1),
        Status: reader.GetString(2),
        Version: reader.GetInt32(3),
        OpenedAt: reader.GetTime(4),
        OfferedAt: reader.GetNullableTime(5),
        QueuedSince: reader.GetNullableTime(6),
        OfferedTo: reader.GetNullableString(7),
        HasContact: reader.GetBoolean(8));
}
