using System.Net;
using System.Net.Http.Headers;
using LineaHub.NodeAgent.Outbox;

namespace LineaHub.NodeAgent.Tests.Outbox;

public sealed class RetryScheduleTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(5);

    [Fact]
    public void First_retry_waits_at_most_the_base_delay()
    {
        Assert.Equal(TimeSpan.FromTicks((long)(Base.Ticks * Highest.Value)), RetrySchedule.Next(1, Base, Max, Highest));
        Assert.True(RetrySchedule.Next(1, Base, Max, Highest) < Base);
    }

    [Fact]
    public void Full_jitter_may_retry_at_once()
    {
        Assert.Equal(TimeSpan.Zero, RetrySchedule.Next(5, Base, Max, new FixedRandom(0)));
    }

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 4)]
    [InlineData(8, 64)]
    public void Ceiling_doubles_with_each_failed_attempt(int attempt, double expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RetrySchedule.Next(attempt, Base, Max, new FixedRandom(0.5)));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(30)]
    [InlineData(64)]
    [InlineData(int.MaxValue)]
    public void Delay_stops_growing_at_the_maximum(int attempt)
    {
        Assert.Equal(TimeSpan.FromTicks((long)(Max.Ticks * 0.5)), RetrySchedule.Next(attempt, Base, Max, new FixedRandom(0.5)));
        Assert.True(RetrySchedule.Next(attempt, Base, Max, Highest) <= Max);
    }

    [Fact]
    public void Delays_stay_between_zero_and_the_ceiling_for_any_draw()
    {
        var random = new Random(20250303);
        for (var attempt = 1; attempt <= 20; attempt++)
        {
            var ceiling = TimeSpan.FromTicks(Math.Min(Max.Ticks, Base.Ticks << Math.Min(attempt - 1, 30)));
            for (var draw = 0; draw < 200; draw++)
            {
                Assert.InRange(RetrySchedule.Next(attempt, Base, Max, random), TimeSpan.Zero, ceiling);
            }
        }
    }

    [Fact]
    public void Retry_after_longer_than_the_backoff_wins()
    {
        Assert.Equal(TimeSpan.FromSeconds(120), RetrySchedule.Next(1, Base, Max, Highest, TimeSpan.FromSeconds(120)));
    }

    [Fact]
    public void Retry_after_above_the_maximum_is_still_honoured()
    {
        Assert.Equal(TimeSpan.FromHours(1), RetrySchedule.Next(1, Base, Max, Highest, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Backoff_longer_than_retry_after_wins()
    {
        Assert.Equal(TimeSpan.FromSeconds(32), RetrySchedule.Next(7, Base, Max, new FixedRandom(0.5), TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void Retry_after_in_seconds_is_read()
    {
        var now = DateTimeOffset.UnixEpoch;
        Assert.Equal(TimeSpan.FromSeconds(30), RetrySchedule.RetryAfter(new RetryConditionHeaderValue(TimeSpan.FromSeconds(30)), now));
    }

    [Fact]
    public void Retry_after_as_a_date_is_read_against_the_clock()
    {
        var now = new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(90), RetrySchedule.RetryAfter(new RetryConditionHeaderValue(now.AddSeconds(90)), now));
        Assert.Equal(TimeSpan.Zero, RetrySchedule.RetryAfter(new RetryConditionHeaderValue(now.AddSeconds(-5)), now));
    }

    [Fact]
    public void Missing_retry_after_is_null()
    {
        Assert.Null(RetrySchedule.RetryAfter(null, DateTimeOffset.UnixEpoch));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.GatewayTimeout, true)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.Unauthorized, true)]
    [InlineData(HttpStatusCode.Conflict, true)]
    [InlineData((HttpStatusCode)425, true)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, false)]
    [InlineData(HttpStatusCode.UnprocessableEntity, false)]
    public void Only_answers_that_may_pass_later_are_retried(HttpStatusCode status, bool retryable)
    {
        Assert.Equal(retryable, RetrySchedule.IsRetryable(status));
    }

    [Fact]
    public void Attempts_count_from_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RetrySchedule.Next(0, Base, Max, Highest));
    }

    private static FixedRandom Highest { get; } = new(0.999);

    /// <summary>A draw chosen by the test, so the jitter's bounds can be checked exactly.</summary>
    private sealed class FixedRandom(double value) : Random
    {
        public double Value { get; } = value;

        public override double NextDouble() => Value;
    }
}
