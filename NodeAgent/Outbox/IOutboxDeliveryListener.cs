namespace LineaHub.NodeAgent.Outbox;

/// <summary>
/// Learns what the hub answered to a delivered write (e.g. the ticket as it is after the change), for a
/// feature that keeps a local copy. Called after the message left the outbox; it must not throw for an
/// answer it does not understand, since the write is done either way.
/// </summary>
public interface IOutboxDeliveryListener
{
    Task OnDeliveredAsync(OutboxMessage message, string responseBody, CancellationToken cancellationToken);
}
