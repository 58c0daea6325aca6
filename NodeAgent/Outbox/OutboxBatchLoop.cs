using Microsoft.Data.Sqlite;

namespace LineaHub.NodeAgent.Outbox;

/// <summary>
/// The loop of a batcher that turns rows waiting in the agent's database into outbox messages (archive records, logged FAQ
/// searches): form what is due, then sleep until the next batch is due, a change in this process wakes it, or
/// <c>poll</c> passes (rows written by another process wake nobody). A database held too long by another process is waited out.
/// </summary>
internal static class OutboxBatchLoop
{
    /// <param name="nextChange">Completes at the next change in this process; taken before each look, so a change during it is not missed.</param>
    /// <param name="formDue">Forms every batch that is due; returns when the rows still waiting are due at the latest (null: none waits).</param>
    public static async Task RunAsync(
        Func<Task> nextChange,
        Func<CancellationToken, Task<DateTimeOffset?>> formDue,
        TimeSpan poll,
        TimeProvider clock,
        Action<SqliteException> databaseBusy,
        CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var changed = nextChange();
            try
            {
                var wait = poll;
                try
                {
                    var nextDueAt = await formDue(stoppingToken);
                    wait = nextDueAt is { } due && due - clock.GetUtcNow() < poll ? due - clock.GetUtcNow() : poll;
                }
                catch (SqliteException exception)
                {
                    // The rows are safe; look again later.
                    databaseBusy(exception);
                }

                if (wait > TimeSpan.Zero)
                {
                    using var stopDelay = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    await Task.WhenAny(changed, Task.Delay(wait, clock, stopDelay.Token));
                    await stopDelay.CancelAsync();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
