using System.Text.Json;
using LineaHub.NodeAgent.Join;
using LineaHub.NodeAgent.Outbox;
using Microsoft.Data.Sqlite;

namespace LineaHub.NodeAgent.Connection;

/// <summary>
/// The loop of a background reader of the hub (inbox, FAQ changes): once the agent has joined, poll; after a poll that
/// answered, pause as the poll says; after one that failed in a way that may pass, back off with jitter
/// (<see cref="RetrySchedule"/>), doubling from <c>baseDelay</c> up to <c>maxDelay</c>, so agents cut off together do not
/// all come back in the same second. Ends when stopped.
/// </summary>
internal static class HubPolling
{
    /// <param name="pollOnce">One poll; returns the pause before the next.</param>
    /// <param name="failed">Told of each failed poll: failures in a row, the pause before the next try, the exception.</param>
    public static async Task RunAsync(
        AgentIdentityStore identities,
        TimeProvider clock,
        Func<CancellationToken, Task<TimeSpan>> pollOnce,
        TimeSpan baseDelay,
        TimeSpan maxDelay,
        Action<int, TimeSpan, Exception> failed,
        CancellationToken stoppingToken)
    {
        if (!await identities.WaitUntilJoinedAsync(clock, stoppingToken))
        {
            return;
        }

        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                TimeSpan pause;
                try
                {
                    pause = await pollOnce(stoppingToken);
                    failures = 0;
                }
                catch (Exception exception) when (IsTransient(exception, stoppingToken))
                {
                    failures++;
                    pause = RetrySchedule.Next(failures, baseDelay, maxDelay, Random.Shared);
                    failed(failures, pause, exception);
                }

                if (pause > TimeSpan.Zero)
                {
                    await Task.Delay(pause, clock, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: whatever was not done is done at the next start.
        }
    }

    // The hub unreachable or refusing, a body cut short or garbled, HttpClient's own timeout, the agent's database held past
    // its busy timeout by another process (a large import): all may pass, and the poll is made again from where it stood.
    private static bool IsTransient(Exception exception, CancellationToken stoppingToken) =>
        exception is HttpRequestException or HubProblemException or JsonException or InvalidDataException or SqliteException
        || (exception is OperationCanceledException && !stoppingToken.IsCancellationRequested);
}
