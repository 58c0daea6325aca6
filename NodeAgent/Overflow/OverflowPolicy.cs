using LineaHub.Schemas.Capacity;
using LineaHub.Schemas.Tickets;
using Microsoft.Extensions.Options;
using TaxonomyRules = LineaHub.Schemas.Taxonomy.Taxonomy;

namespace LineaHub.NodeAgent.Overflow;

/// <summary>
/// The office's overflow decisions, as pure code over its current figures and a clock: which of its own tickets
/// to offer now, and how to answer an offer when answers are automatic. Nothing here reads or writes storage.
/// </summary>
public sealed class OverflowPolicy(IOptions<OverflowOptions> options, TimeProvider clock)
{
    /// <summary>The window of <see cref="OverflowOptions.MaxOffersPerMinute"/>.</summary>
    public static readonly TimeSpan CapWindow = TimeSpan.FromMinutes(1);

    public OverflowOptions Options => options.Value;

    /// <summary>(queue + 1) × average handling ÷ operators online, in seconds: when a new request would be answered.</summary>
    public static double ExpectedWaitSeconds(CapacityReport figures, int leftQueue = 0) =>
        (Math.Max(0, (figures.QueueLength ?? 0) - leftQueue) + 1) * (double)(figures.AverageHandlingSeconds ?? 0)
        / Math.Max(1, figures.OperatorsOnline ?? 0);

    public bool IsOverThreshold(CapacityReport figures, int leftQueue = 0) =>
        ExpectedWaitSeconds(figures, leftQueue) > Options.ThresholdSeconds;

    public bool IsOptedOut(string category) => Options.OptOutCategories.Any(optOut => TaxonomyRules.Covers(optOut, category));

    /// <summary>The start of the rolling minute that counts against the cap.</summary>
    public DateTimeOffset CapWindowStart => clock.GetUtcNow() - CapWindow;

    /// <summary>How many offers the cap still allows, given when the office offered tickets lately.</summary>
    public int OffersLeft(IEnumerable<DateTimeOffset> offeredAt)
    {
        var since = CapWindowStart;
        return Math.Max(0, Options.MaxOffersPerMinute - offeredAt.Count(at => at > since));
    }

    /// <summary>
    /// The tickets to offer now, oldest first: while the expected wait is over the threshold, each ticket offered
    /// counting as one request fewer in the queue, within the cap, skipping opted-out categories and tickets that
    /// are not open or were offered before.
    /// </summary>
    public IReadOnlyList<OwnTicket> ChooseOffers(CapacityReport figures, IEnumerable<OwnTicket> candidates, IEnumerable<DateTimeOffset> recentOffers)
    {
        if (!Options.AutoOffer)
        {
            return [];
        }

        var left = OffersLeft(recentOffers);
        var chosen = new List<OwnTicket>();
        foreach (var ticket in candidates.OrderBy(t => t.OpenedAt))
        {
            if (chosen.Count >= left || !IsOverThreshold(figures, chosen.Count))
            {
                break;
            }

            if (ticket.Status == TicketStates.Open && ticket.OfferedAt is null && !IsOptedOut(ticket.Category))
            {
                chosen.Add(ticket);
            }
        }

        return chosen;
    }

    /// <summary>
    /// The automatic answer to an offer, or null when an operator answers (the default). Accepts only when the
    /// office is open, accepting overflow, has operators and stays within its own threshold with one more request.
    /// </summary>
    public string? AutoAnswer(CapacityReport figures)
    {
        if (!Options.AutoAccept)
        {
            return null;
        }

        var canTake = figures is { OfficeOpen: true, AcceptingOverflow: true, OperatorsOnline: > 0 } && !IsOverThreshold(figures);
        return canTake ? TicketActions.Accept : TicketActions.Decline;
    }
}
