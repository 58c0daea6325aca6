namespace LineaHub.EndToEnd.Tests;

/// <summary>Waits for something the network does on its own (an outbox delivery, an inbox message), with a ceiling.</summary>
internal static class Eventually
{
    // Generous for a busy machine: deliveries and inbox polls normally take milliseconds.
    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(30);

    /// <summary>Reads until <paramref name="done"/> holds and returns that reading; <paramref name="what"/> names it in the timeout.</summary>
    /// <param name="ceiling">How long to wait at most; 30 seconds when null (a fault test that restarts a server needs more).</param>
    public static async Task<T> GetAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? ceiling = null)
    {
        var limit = ceiling ?? Ceiling;
        var deadline = DateTimeOffset.UtcNow + limit;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {limit.TotalSeconds} seconds: {what}.");
            }

            await Task.Delay(100);
        }
    }
}
