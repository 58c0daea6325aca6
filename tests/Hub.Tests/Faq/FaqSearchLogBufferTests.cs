using LineaHub.Hub.Faq;
using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Tests.Faq;

public sealed class FaqSearchLogBufferTests
{
    private static PendingFaqSearch Search() => new(Guid.NewGuid(), Guid.NewGuid(), "scadenza tari", null, 0, DateTimeOffset.UtcNow);

    [Fact]
    public void A_full_buffer_drops_the_search_without_waiting_and_counts_it()
    {
        const int capacity = 100;
        var buffer = new FaqSearchLogBuffer(Options.Create(new FaqOptions { SearchLogQueueCapacity = capacity }));

        var added = Enumerable.Range(0, capacity).Count(_ => buffer.TryAdd(Search()));
        var overflow = buffer.TryAdd(Search());

        Assert.Equal(capacity, added);
        Assert.False(overflow);
        Assert.Equal(1, buffer.Dropped);
        Assert.True(buffer.Reader.TryRead(out _));
        Assert.True(buffer.TryAdd(Search()));
        Assert.Equal(1, buffer.Dropped);
    }
}
