using System.ComponentModel.DataAnnotations;
using LineaHub.NodeAgent.Overflow;
using LineaHub.Schemas.Capacity;
using LineaHub.Schemas.Tickets;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LineaHub.NodeAgent.Tests.Overflow;

public sealed class OverflowPolicyTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);

    // Two operators, five minutes a request: a new request waits (queue + 1) × 150 s.
    private static CapacityReport Busy(int queue) => new(2, queue, 300, true, true);

    [Fact]
    public void Expected_wait_is_queue_plus_one_times_handling_over_operators()
    {
        Assert.Equal(750, OverflowPolicy.ExpectedWaitSeconds(Busy(4)));
        Assert.Equal(300, OverflowPolicy.ExpectedWaitSeconds(new CapacityReport(0, 0, 300, true, true)));
        Assert.Equal(150, OverflowPolicy.ExpectedWaitSeconds(Busy(4), leftQueue: 10));
    }

    [Fact]
    public void Nothing_is_offered_while_the_wait_is_within_the_threshold()
    {
        var policy = Policy(new OverflowOptions { ThresholdSeconds = 600 });

        var chosen = policy.ChooseOffers(Busy(3), [Ticket("LA-A", 1), Ticket("LA-B", 2)], []);

        Assert.Equal(600, OverflowPolicy.ExpectedWaitSeconds(Busy(3)));
        Assert.Empty(chosen);
    }

    [Fact]
    public void Over_the_threshold_the_oldest_tickets_go_until_the_wait_is_back_within_it()
    {
        var policy = Policy(new OverflowOptions { ThresholdSeconds = 600, MaxOffersPerMinute = 100 });

        // Queue 6 → 1050 s; each ticket offered is one request fewer: 900, 750, 600 (within).
        var chosen = policy.ChooseOffers(Busy(6), [Ticket("LA-C", 3), Ticket("LA-A", 1), Ticket("LA-D", 4), Ticket("LA-B", 2)], []);

        Assert.Equal(["LA-A", "LA-B", "LA-C"], chosen.Select(t => t.Code));
    }

    [Fact]
    public void Tickets_not_open_or_offered_before_are_never_chosen()
    {
        var policy = Policy(new OverflowOptions { ThresholdSeconds = 0 });

        var chosen = policy.ChooseOffers(
            Busy(10),
            [Ticket("LA-A", 1) with { Status = TicketStates.Accepted }, Ticket("LA-B", 2) with { OfferedAt = Start }, Ticket("LA-C", 3)],
            []);

        Assert.Equal("LA-C", Assert.Single(chosen).Code);
    }

    [Fact]
    public void An_opted_out_category_keeps_its_subcategories_too()
    {
        var options = new OverflowOptions { ThresholdSeconds = 0 };
        options.OptOutCategories.Add("anagrafe");
        var policy = Policy(options);

        var chosen = policy.ChooseOffers(
            Busy(10),
            [Ticket("LA-A", 1, "anagrafe"), Ticket("LA-B", 2, "anagrafe.residenza"), Ticket("LA-C", 3, "ambiente-rifiuti.raccolta")],
            []);

        Assert.True(policy.IsOptedOut("anagrafe.residenza"));
        Assert.False(policy.IsOptedOut("anagrafe-canina"));
        Assert.Equal("LA-C", Assert.Single(chosen).Code);
    }

    [Fact]
    public void The_cap_counts_offers_over_a_rolling_minute()
    {
        var policy = Policy(new OverflowOptions { ThresholdSeconds = 0, MaxOffersPerMinute = 3 });
        var candidates = Enumerable.Range(1, 10).Select(i => Ticket($"LA-{i:00}", i)).ToList();
        List<DateTimeOffset> offered = [];

        var first = policy.ChooseOffers(Busy(20), candidates, offered);
        offered.AddRange(first.Select(_ => _clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromSeconds(30));
        var halfAMinuteLater = policy.ChooseOffers(Busy(20), candidates.Skip(3), offered);
        _clock.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromMilliseconds(1));
        var justBeforeTheMinute = policy.ChooseOffers(Busy(20), candidates.Skip(3), offered);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var aMinuteLater = policy.ChooseOffers(Busy(20), candidates.Skip(3), offered);

        Assert.Equal(["LA-01", "LA-02", "LA-03"], first.Select(t => t.Code));
        Assert.Empty(halfAMinuteLater);
        Assert.Empty(justBeforeTheMinute);
        Assert.Equal(["LA-04", "LA-05", "LA-06"], aMinuteLater.Select(t => t.Code));
    }

    [Fact]
    public void Automatic_offers_can_be_switched_off()
    {
        var policy = Policy(new OverflowOptions { AutoOffer = false, ThresholdSeconds = 0 });

        Assert.Empty(policy.ChooseOffers(Busy(50), [Ticket("LA-A", 1)], []));
    }

    [Fact]
    public void Offers_are_answered_by_an_operator_unless_auto_accept_is_on()
    {
        Assert.Null(Policy(new OverflowOptions()).AutoAnswer(Busy(0)));
    }

    [Theory]
    [InlineData(2, 0, true, true, TicketActions.Accept)]
    [InlineData(2, 10, true, true, TicketActions.Decline)]
    [InlineData(0, 0, true, true, TicketActions.Decline)]
    [InlineData(2, 0, false, true, TicketActions.Decline)]
    [InlineData(2, 0, true, false, TicketActions.Decline)]
    public void Auto_accept_takes_an_offer_only_with_room_for_it(int operators, int queue, bool accepting, bool open, string expected)
    {
        var policy = Policy(new OverflowOptions { AutoAccept = true, ThresholdSeconds = 600 });

        Assert.Equal(expected, policy.AutoAnswer(new CapacityReport(operators, queue, 300, accepting, open)));
    }

    [Fact]
    public void A_misspelt_opt_out_category_stops_the_agent_at_start()
    {
        var options = new OverflowOptions();
        options.OptOutCategories.Add("anagrafe.residenz");

        var problems = options.Validate(new ValidationContext(options)).ToList();

        Assert.Contains("anagrafe.residenz", Assert.Single(problems).ErrorMessage, StringComparison.Ordinal);
    }

    private OverflowPolicy Policy(OverflowOptions options) => new(Options.Create(options), _clock);

    private static OwnTicket Ticket(string code, int minutesAfterStart, string category = "ambiente-rifiuti.raccolta") =>
        new(code, category, TicketStates.Open, 1, Start.AddMinutes(minutesAfterStart), null, null, null, false);
}
