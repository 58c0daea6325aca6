using Microsoft.Extensions.Time.Testing;

namespace LineaHub.NodeAgent.Tests.Outbox;

/// <summary>
/// A fake clock that also tells when someone starts waiting on it. The sender's only timer is its idle
/// wait, so a new timer means the sender has finished its pass and is asleep.
/// </summary>
internal sealed class WatchedClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private TaskCompletionSource _timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Take before the action that should end in a wait, then await it.</summary>
    public Task NextTimer => Volatile.Read(ref _timerCreated).Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Exchange(ref _timerCreated, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        return timer;
    }
}
