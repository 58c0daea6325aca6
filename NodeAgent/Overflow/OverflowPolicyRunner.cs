using LineaHub.NodeAgent.Join;
using Microsoft.Extensions.Options;

namespace LineaHub.NodeAgent.Overflow;

/// <summary>Looks at the office's queue every few seconds and offers tickets when the policy says so.</summary>
public sealed class OverflowPolicyRunner(
    AgentIdentityStore identities,
    OverflowOffers offers,
    TimeProvider clock,
    IOptions<OverflowOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Offers made before joining would only wait in the outbox, behind tickets the hub has not seen yet.
        if (!await identities.WaitUntilJoinedAsync(clock, stoppingToken))
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(options.Value.EvaluateIntervalSeconds);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await offers.OfferDueAsync(stoppingToken);
                await Task.Delay(interval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
