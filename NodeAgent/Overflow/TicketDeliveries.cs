using System.Text.Json;
using LineaHub.NodeAgent.Join;
using LineaHub.NodeAgent.Outbox;
using LineaHub.NodeAgent.Storage;
using LineaHub.NodeAgent.Tickets;
using LineaHub.Schemas.Tickets;

namespace LineaHub.NodeAgent.Overflow;

/// <summary>
/// Reads the hub's answer to a ticket write the outbox delivered: the ticket as it is now. That is how the agent
/// learns what became of its own actions (the hub tells the other parties through their inbox, not the one that
/// acted) — e.g. that an offer found no office with capacity and waits in the network queue.
/// </summary>
public sealed class TicketDeliveries(AgentDatabase database, AgentIdentityStore identities, TicketViewRecorder recorder) : IOutboxDeliveryListener
{
    public async Task OnDeliveredAsync(OutboxMessage message, string responseBody, CancellationToken cancellationToken)
    {
        if (message.Kind is not (LocalTickets.OpenKind or LocalTickets.MoveKind) || string.IsNullOrWhiteSpace(responseBody))
        {
            return;
        }

        TicketView? view;
        try
        {
            view = JsonSerializer.Deserialize<TicketView>(responseBody, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            // Not a ticket (a replay stored without its body, say): the inbox will bring the next change anyway.
            return;
        }

        if (view?.Code is null || view.Holder is null)
        {
            return;
        }

        var self = (await identities.LoadIdentityAsync(cancellationToken)).NodeId;
        await database.WriteAsync(transaction => recorder.ApplyAsync(transaction, view, self, cancellationToken), cancellationToken);
    }
}
