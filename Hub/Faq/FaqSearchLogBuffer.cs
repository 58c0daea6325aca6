using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Faq;

/// <summary>
/// Between the hub's search path and the search log: a bounded in-memory queue that a search adds to without waiting
/// and <see cref="FaqSearchLogWriter"/> drains in batches, so a search never waits for the database. When the queue is
/// full (the database is slow or away) the search is still answered but not logged: it is counted here and the writer
/// logs a warning with the count. The search log serves the gaps report, where a few missing searches change little;
/// answering operators fast matters more.
/// </summary>
public sealed class FaqSearchLogBuffer
{
    private readonly Channel<PendingFaqSearch> channel;
    private long dropped;

    public FaqSearchLogBuffer(IOptions<FaqOptions> options)
    {
        // Wait mode makes TryWrite return false when full, which is what lets a dropped search be counted.
        channel = Channel.CreateBounded<PendingFaqSearch>(new BoundedChannelOptions(options.Value.SearchLogQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    /// <summary>Searches not logged since start because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    public ChannelReader<PendingFaqSearch> Reader => channel.Reader;

    /// <summary>Queues a search for the log; never waits. False when the queue was full and the search was dropped.</summary>
    public bool TryAdd(PendingFaqSearch search)
    {
        if (channel.Writer.TryWrite(search))
        {
            return true;
        }

        Interlocked.Increment(ref dropped);
        return false;
    }

    /// <summary>No more searches are added (the hub is stopping): later ones are counted as dropped.</summary>
    public void Complete() => channel.Writer.TryComplete();
}
