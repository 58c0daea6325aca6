using System.Net;
using System.Net.Http.Headers;

namespace LineaHub.NodeAgent.Outbox;

/// <summary>When and whether a failed delivery is tried again. Pure, so it is tested without a hub.</summary>
public static class RetrySchedule
{
    /// <summary>
    /// Exponential backoff with full jitter: a uniform wait between zero and <c>baseDelay · 2^(attempt-1)</c>,
    /// capped at <paramref name="maxDelay"/>, so agents cut off together do not all come back in the same
    /// second. A <c>Retry-After</c> from the hub is a floor: the larger of the two wins.
    /// </summary>
    /// <param name="attempt">How many attempts have failed, counting the one just made (1 or more).</param>
    public static TimeSpan Next(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, Random random, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(baseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, baseDelay);
        ArgumentNullException.ThrowIfNull(random);

        // In doubles so that a message failing for weeks cannot overflow the shift.
        var ceilingTicks = Math.Min(maxDelay.Ticks, baseDelay.Ticks * Math.Pow(2, Math.Min(attempt - 1, 62)));
        var backoff = TimeSpan.FromTicks((long)(ceilingTicks * random.NextDouble()));
        return retryAfter is { } floor && floor > backoff ? floor : backoff;
    }

    /// <summary>The wait a <c>Retry-After</c> header asks for (seconds or an HTTP date), or null without one.</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            return date > now ? date - now : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>
    /// Whether an answer other than 2xx may succeed later. Refusals of the message itself (400, 403, 404,
    /// 413, 422, …) never will and become dead letters; 401 is retried because the next attempt carries a
    /// fresh token; 409 is retried because the hub answers it while the same key is still in flight.
    /// </summary>
    public static bool IsRetryable(HttpStatusCode status) => (int)status switch
    {
        408 or 409 or 425 or 429 or 401 => true,
        >= 400 and < 500 => false,

        // 5xx, and anything unexpected (an unfollowed 3xx): the hub or the path to it is at fault, not the message.
        _ => true,
    };
}
