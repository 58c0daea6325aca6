using System.Globalization;
using LineaHub.NodeAgent.Capacity;
using LineaHub.NodeAgent.Outbox;
using LineaHub.NodeAgent.Tickets;
using LineaHub.Schemas.Tickets;

namespace LineaHub.NodeAgent.Overflow;

/// <summary>
/// Offers the office's own tickets to the network as the <see cref="OverflowPolicy"/> decides, through the outbox.
/// Choosing and recording happen in one transaction, so an offer made by hand at the same moment counts against
/// the cap and a ticket is never offered twice.
/// </summary>
public sealed partial class OverflowOffers(
    OutboxStore outbox,
    OwnTicketStore own,
    LocalTickets tickets,
    OverflowPolicy policy,
    CapacityState capacity,
    ILogger<OverflowOffers> logger)
{
    // Open tickets an office keeps through the agent are tens, not thousands; opted-out ones are skipped in code.
    private const int MaxCandidates = 1000;

    /// <summary>Offers whatever the policy says is due now; returns the codes offered.</summary>
    public Task<IReadOnlyList<string>> OfferDueAsync(CancellationToken cancellationToken)
    {
        var figures = capacity.Current;
        if (!policy.Options.AutoOffer || !policy.IsOverThreshold(figures))
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        return outbox.WriteAsync<IReadOnlyList<string>>(
            async transaction =>
            {
                var recent = await own.ListOfferTimesAsync(transaction, policy.CapWindowStart, cancellationToken);
                if (policy.OffersLeft(recent) == 0)
                {
                    return [];
                }

                var candidates = await own.ListOfferCandidatesAsync(transaction, MaxCandidates, cancellationToken);
                var chosen = policy.ChooseOffers(figures, candidates, recent);
                var reason = string.Create(CultureInfo.InvariantCulture,
                    $"Offerta automatica: attesa prevista {OverflowPolicy.ExpectedWaitSeconds(figures):0} s, oltre la soglia di {policy.Options.ThresholdSeconds} s.");
                foreach (var ticket in chosen)
                {
                    await tickets.MoveAsync(transaction, ticket.Code, new TicketEventRequest(TicketActions.Offer, reason, null), cancellationToken);
                    LogOffered(logger, ticket.Code, ticket.Category);
                }

                return [.. chosen.Select(t => t.Code)];
            },
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {TicketCode} ({Category}) offered to the network: the local wait is over the threshold")]
    private static partial void LogOffered(ILogger logger, string ticketCode, string category);
}
