using System.Text.Json;
using LineaHub.NodeAgent.Storage;
using LineaHub.Schemas.Tickets;
using Microsoft.Data.Sqlite;

namespace LineaHub.NodeAgent.Overflow;

/// <summary>
/// Tickets other offices handed to this one, with the citizen's contact data as the sealed envelope that
/// arrived. The envelope is dropped as soon as the ticket leaves this office (declined, withdrawn, cancelled,
/// closed, given to another office). Every method works inside the caller's transaction.
/// </summary>
public sealed class ReceivedTicketStore(TimeProvider clock)
{
    private const string Columns = "code, status, category, deadline_at, received_at, updated_at, envelope IS NOT NULL, ticket";

    /// <summary>An offer arrived: recorded, or refreshed when it is newer than what is known (offered again).</summary>
    public async Task<bool> RecordOfferAsync(SqliteTransaction transaction, TicketView ticket, DateTimeOffset? deadlineAt, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToStored();
        var changed = await transaction.ExecuteAsync(
            """
            INSERT INTO received_tickets (code, status, version, category, ticket, deadline_at, received_at, updated_at)
            VALUES ($code, $status, $version, $category, $ticket, $deadline, $now, $now)
            ON CONFLICT (code) DO UPDATE SET
                status = excluded.status, version = excluded.version, ticket = excluded.ticket,
                deadline_at = excluded.deadline_at, received_at = excluded.received_at, updated_at = excluded.updated_at
            WHERE excluded.version > received_tickets.version;
            """,
            cancellationToken,
            ("$code", ticket.Code), ("$status", ticket.Status), ("$version", ticket.Version), ("$category", ticket.Category),
            ("$ticket", JsonSerializer.Serialize(ticket, JsonSerializerOptions.Web)), ("$deadline", deadlineAt.ToStored()), ("$now", now));
        return changed > 0;
    }

    /// <summary>
    /// The hub's view of a received ticket, when newer than what is known here; the envelope goes when the ticket
    /// is no longer with this office. Returns false when the ticket was never received here or the view is not newer.
    /// </summary>
    public async Task<bool> ApplyAsync(SqliteTransaction transaction, TicketView view, Guid self, CancellationToken cancellationToken)
    {
        var changed = await transaction.ExecuteAsync(
            """
            UPDATE received_tickets SET status = $status, version = $version, ticket = $ticket, updated_at = $now
            WHERE code = $code AND version < $version;
            """,
            cancellationToken,
            ("$code", view.Code), ("$status", view.Status), ("$version", view.Version),
            ("$ticket", JsonSerializer.Serialize(view, JsonSerializerOptions.Web)), ("$now", clock.GetUtcNow().ToStored()));
        if (changed > 0 && !IsWithOffice(view.Status, view, self))
        {
            await DropEnvelopeAsync(transaction, view.Code, cancellationToken);
        }

        return changed > 0;
    }

    /// <summary>This office answered or worked the ticket itself; a decline drops the envelope at once.</summary>
    public async Task<bool> RecordActionAsync(SqliteTransaction transaction, string code, string action, CancellationToken cancellationToken)
    {
        if (await FindAsync(transaction, code, cancellationToken) is not { } ticket)
        {
            return false;
        }

        var status = LocalStatus.After(ticket.Status, action);
        await transaction.ExecuteAsync(
            "UPDATE received_tickets SET status = $status, updated_at = $now WHERE code = $code;",
            cancellationToken,
            ("$code", code), ("$status", status), ("$now", clock.GetUtcNow().ToStored()));
        if (status is TicketStates.Declined || LocalStatus.IsFinal(status))
        {
            await DropEnvelopeAsync(transaction, code, cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// Keeps the sealed contact data for a ticket that is with this office; returns false (and keeps nothing) for a
    /// ticket never received here or one that has left it meanwhile.
    /// </summary>
    public async Task<bool> StoreEnvelopeAsync(SqliteTransaction transaction, string code, string envelope, Guid self, CancellationToken cancellationToken)
    {
        if (await FindAsync(transaction, code, cancellationToken) is not { } ticket || !IsWithOffice(ticket.Status, ticket.Ticket, self))
        {
            return false;
        }

        await transaction.ExecuteAsync(
            "UPDATE received_tickets SET envelope = $envelope, updated_at = $now WHERE code = $code;",
            cancellationToken,
            ("$code", code), ("$envelope", envelope), ("$now", clock.GetUtcNow().ToStored()));
        return true;
    }

    public async Task<ReceivedTicket?> FindAsync(SqliteTransaction transaction, string code, CancellationToken cancellationToken) =>
        (await transaction.QueryAsync($"SELECT {Columns} FROM received_tickets WHERE code = $code;", Read, cancellationToken, ("$code", code)))
        .SingleOrDefault();

    /// <summary>The sealed contact data as received, or null.</summary>
    public async Task<string?> FindEnvelopeAsync(SqliteTransaction transaction, string code, CancellationToken cancellationToken) =>
        await transaction.ScalarAsync("SELECT envelope FROM received_tickets WHERE code = $code;", cancellationToken, ("$code", code)) as string;

    /// <summary>Received tickets, newest first, optionally only those in <paramref name="status"/>.</summary>
    public Task<IReadOnlyList<ReceivedTicket>> ListAsync(SqliteTransaction transaction, string? status, int limit, CancellationToken cancellationToken) =>
        transaction.QueryAsync(
            $"SELECT {Columns} FROM received_tickets WHERE $status IS NULL OR status = $status ORDER BY received_at DESC, code LIMIT $limit;",
            Read,
            cancellationToken,
            ("$status", status), ("$limit", limit));

    /// <summary>
    /// Whether the ticket is still this office's business: offered to it or held by it, and not finished. The
    /// local status counts too, since this office's own decline is known here before the hub confirms it.
    /// </summary>
    private static bool IsWithOffice(string localStatus, TicketView view, Guid self) =>
        localStatus is not TicketStates.Declined
        && !LocalStatus.IsFinal(localStatus)
        && (view.Holder.NodeId == self || view.Overflow?.OfferedTo?.NodeId == self);

    private static Task<int> DropEnvelopeAsync(SqliteTransaction transaction, string code, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync("UPDATE received_tickets SET envelope = NULL WHERE code = $code;", cancellationToken, ("$code", code));

    private static ReceivedTicket Read(SqliteDataReader reader) => new(
        Code: reader.GetString(0),
        Status: reader.GetString(1),
        Category: reader.GetString(2),
        DeadlineAt: reader.GetNullableTime(3),
        ReceivedAt: reader.GetTime(4),
        UpdatedAt: reader.GetTime(5),
        ContactReceived: reader.GetBoolean(6),
        Ticket: JsonSerializer.Deserialize<TicketView>(reader.GetString(7), JsonSerializerOptions.Web)!);
}
