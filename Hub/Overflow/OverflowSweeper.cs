using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Overflow;

/// <summary>
/// Runs <see cref="OverflowSweep"/> every <see cref="OverflowOptions.SweepIntervalSeconds"/> of the hub's clock
/// (a <see cref="PeriodicTimer"/> on <see cref="TimeProvider"/>, so tests drive it with a fake clock). Every
/// replica sweeps; they do not step on each other because each ticket's change is guarded by its version.
/// </summary>
public sealed partial class OverflowSweeper(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<OverflowOptions> options,
    ILogger<OverflowSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SweepIntervalSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<OverflowSweep>().RunOnceAsync(stoppingToken);
                if (result.Withdrawn + result.Offered + result.Returned > 0)
                {
                    LogSwept(logger, result.Withdrawn, result.Offered, result.Returned);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database may be away for a moment: the next tick tries again, nothing is lost meanwhile.
                LogFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Overflow sweep: {Withdrawn} offers withdrawn, {Offered} queued tickets offered, {Returned} returned to origin")]
    private static partial void LogSwept(ILogger logger, int withdrawn, int offered, int returned);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overflow sweep failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
