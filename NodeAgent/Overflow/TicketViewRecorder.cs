using LineaHub.Schemas.Tickets;
using Microsoft.Data.Sqlite;

namespace LineaHub.NodeAgent.Overflow;

/// <summary>
/// Brings the agent's record of a ticket up to the hub's view of it, whether the ticket was opened here or
/// received here. Views come from the inbox and from the hub's answers to the agent's own writes; the version
/// decides, so an older view arriving late changes nothing.
/// </summary>
public sealed class TicketViewRecorder(OwnTicketStore own, ReceivedTicketStore received)
{
    /// <summary>True when the view changed what the agent knew.</summary>
    public async Task<bool> ApplyAsync(SqliteTransaction transaction, TicketView view, Guid self, CancellationToken cancellationToken)
    {
        var ownChanged = await own.ApplyAsync(transaction, view, cancellationToken);
        var receivedChanged = await received.ApplyAsync(transaction, view, self, cancellationToken);
        return ownChanged || receivedChanged;
    }
}
