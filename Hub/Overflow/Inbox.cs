using System.Text.Json;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Overflow;
using Microsoft.EntityFrameworkCore;

namespace LineaHub.Hub.Overflow;

/// <summary>
/// The offices' inboxes. Messages are added to the same unit of work as the change they report, so a status
/// change and its message are committed together or not at all; the signal fires once they are committed.
/// </summary>
public sealed class Inbox
{
    /// <summary>The longest page an agent gets at once.</summary>
    public const int PageSize = 100;

    private readonly HubDbContext db;
    private readonly InboxSignal signal;
    private readonly TimeProvider clock;
    private readonly HashSet<Guid> posted = [];

    public Inbox(HubDbContext db, InboxSignal signal, TimeProvider clock)
    {
        this.db = db;
        this.signal = signal;
        this.clock = clock;
        db.SavedChanges += (_, _) =>
        {
            signal.Notify(posted);
            posted.Clear();
        };
    }

    /// <summary>Adds a message for <paramref name="nodeId"/> to the current unit of work (the caller saves).</summary>
    public void Post(Guid nodeId, InboxMessage message)
    {
        db.InboxEntries.Add(new InboxEntry
        {
            NodeId = nodeId,
            Kind = message.Kind,
            TicketCode = message.TicketCode,
            CreatedAt = message.CreatedAt,
            Payload = JsonSerializer.Serialize(message with { Id = 0 }, JsonSerializerOptions.Web),
        });
        posted.Add(nodeId);
    }

    /// <summary>
    /// The node's unacknowledged messages, oldest first. With none waiting, holds the request up to
    /// <paramref name="wait"/>: woken at once by a message committed in this process, and re-reading the
    /// database every <paramref name="recheck"/> for messages committed by another replica.
    /// </summary>
    public async Task<InboxPage> ReadAsync(Guid nodeId, TimeSpan wait, TimeSpan recheck, CancellationToken cancellationToken)
    {
        // Long-poll timing is transport, not business time: it runs on the wall clock even under a test clock.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        while (true)
        {
            var next = signal.NextAsync(nodeId);
            var entries = await db.InboxEntries.AsNoTracking()
                .Where(e => e.NodeId == nodeId)
                .OrderBy(e => e.Id)
                .Take(PageSize + 1)
                .ToListAsync(cancellationToken);
            if (entries.Count > 0 || timeout.IsCancellationRequested)
            {
                var page = entries.Take(PageSize).ToList();
                var ids = page.Where(e => e.DeliveredAt is null).Select(e => e.Id).ToList();
                if (ids.Count > 0)
                {
                    var now = clock.GetUtcNow();
                    await db.InboxEntries.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(u => u.SetProperty(e => e.DeliveredAt, now), cancellationToken);
                }

                return new InboxPage([.. page.Select(ToMessage)], entries.Count > PageSize);
            }

            await Task.WhenAny(next, Task.Delay(recheck, timeout.Token));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>
    /// Forgets the node's delivered messages up to and including <paramref name="upTo"/>; returns how many. A message
    /// with a lower id committed after the read that returned <paramref name="upTo"/> was not delivered and stays.
    /// </summary>
    public Task<int> AcknowledgeAsync(Guid nodeId, long upTo, CancellationToken cancellationToken) =>
        db.InboxEntries.Where(e => e.NodeId == nodeId && e.Id <= upTo && e.DeliveredAt != null).ExecuteDeleteAsync(cancellationToken);

    private static InboxMessage ToMessage(InboxEntry entry) =>
        (JsonSerializer.Deserialize<InboxMessage>(entry.Payload, JsonSerializerOptions.Web)
            ?? throw new InvalidDataException($"Inbox entry {entry.Id} has no payload.")) with { Id = entry.Id };
}
