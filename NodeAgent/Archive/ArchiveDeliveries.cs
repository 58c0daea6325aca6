using System.Text.Json;
using LineaHub.NodeAgent.Outbox;
using LineaHub.NodeAgent.Storage;
using LineaHub.Schemas.Archive;

namespace LineaHub.NodeAgent.Archive;

/// <summary>
/// Reads the hub's answer to a delivered archive batch: stored and already-stored records are done, refused ones are kept
/// as refused with the hub's reasons and never sent again. An answer it cannot read sends the batch's records again in a
/// new batch; the hub stores each record once, so that costs a request, not a duplicate.
/// </summary>
public sealed partial class ArchiveDeliveries(AgentDatabase database, ArchiveStore store, ILogger<ArchiveDeliveries> logger) : IOutboxDeliveryListener
{
    public async Task OnDeliveredAsync(OutboxMessage message, string responseBody, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Kind != ArchiveBatcher.Kind)
        {
            return;
        }

        var response = Read(responseBody);
        var answer = await database.WriteAsync(
            async transaction => response is null
                ? new ArchiveAnswer(0, 0, await store.ReleaseBatchAsync(transaction, message.Id, cancellationToken))
                : await store.ApplyAnswerAsync(transaction, message.Id, response, cancellationToken),
            cancellationToken);
        store.NotifyChanged();
        if (answer.Refused > 0 || answer.Released > 0)
        {
            LogAnswered(logger, message.Id, answer.Sent, answer.Refused, answer.Released);
        }
    }

    private static ArchiveBatchResponse? Read(string body)
    {
        try
        {
            var response = JsonSerializer.Deserialize<ArchiveBatchResponse>(body, JsonSerializerOptions.Web);
            return response is { Accepted: not null, AlreadyStored: not null, Refused: not null } ? response : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Archive batch {BatchId} answered: {Sent} stored, {Refused} refused by the hub, {Released} not mentioned and sent again")]
    private static partial void LogAnswered(ILogger logger, long batchId, int sent, int refused, int released);
}
