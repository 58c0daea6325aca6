using LineaHub.Hub.Overflow;
using LineaHub.Schemas.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace LineaHub.Hub.Tests.Overflow;

public sealed class DispatchPolicyTests
{
    // Monday 23 November 2026, 10:00 in Rome (09:00 UTC): offices open 08:30–13:30 are open.
    private static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");
    private static readonly Guid Origin = Guid.NewGuid();

    private readonly FakeTimeProvider _clock = new(MondayMorning);

    private DispatchPolicy Policy => new(_clock, TimeSpan.FromSeconds(45), Rome);

    private static DispatchRequest Request(string category = "tributi.tari", TimeSpan? maxDelay = null, params Guid[] declined) =>
        new(Origin, "13", category, "it", declined.ToHashSet(), maxDelay);

    private static DispatchCandidate Node(
        int queue = 0, int operators = 2, int handling = 300, string region = "13", int inFlight = 0, int recent = 0,
        string status = NodeStates.Active, bool accepting = true, bool open = true, string[]? competences = null,
        string[]? languages = null, OpeningHours[]? hours = null, TimeSpan? reportAge = null, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), region, status, competences ?? ["tributi"], languages ?? ["it"],
            hours ?? [new OpeningHours(1, "08:30", "13:30")], MondayMorning - (reportAge ?? TimeSpan.FromSeconds(5)),
            operators, queue, handling, accepting, open, inFlight, recent);

    [Fact]
    public void Expected_delay_counts_the_queue_the_offers_in_flight_and_the_ticket_itself()
    {
        Assert.Equal(TimeSpan.FromSeconds((4 + 1 + 1) * 300 / 3.0), DispatchPolicy.ExpectedDelay(Node(queue: 4, inFlight: 1, operators: 3)));
    }

    [Fact]
    public void Dispatch_picks_the_shortest_expected_delay()
    {
        var busy = Node(queue: 6);
        var quiet = Node(queue: 1);
        var idleButSlow = Node(queue: 0, operators: 1, handling: 900);

        var decision = Policy.Choose(Request(), [busy, quiet, idleButSlow]);

        Assert.Same(quiet, decision.Receiver);
        Assert.Equal(3, decision.EligibleCount);
    }

    [Fact]
    public void Dispatch_prefers_same_region_when_expected_delay_ties()
    {
        var lazio = Node(queue: 1, region: "12");
        var abruzzo = Node(queue: 1, region: "13");

        Assert.Same(abruzzo, Policy.Choose(Request(), [lazio, abruzzo]).Receiver);
        Assert.Same(abruzzo, Policy.Choose(Request(), [abruzzo, lazio]).Receiver);
    }

    [Fact]
    public void Dispatch_prefers_the_node_that_received_least_overflow_when_region_also_ties()
    {
        var often = Node(queue: 1, recent: 5);
        var rarely = Node(queue: 1, recent: 1);

        Assert.Same(rarely, Policy.Choose(Request(), [often, rarely]).Receiver);
    }

    [Fact]
    public void Offers_in_flight_make_a_node_less_attractive()
    {
        var alreadyOffered = Node(queue: 0, inFlight: 3);
        var other = Node(queue: 1);

        Assert.Same(other, Policy.Choose(Request(), [alreadyOffered, other]).Receiver);
    }

    public static TheoryData<string> IneligibleReasons => new()
    {
        "origin", "declined", "suspended", "pending", "stale", "not accepting", "closed", "outside hours",
        "not competent", "other language", "no operators",
    };

    [Theory]
    [MemberData(nameof(IneligibleReasons))]
    public void An_ineligible_node_is_never_chosen_even_when_it_is_the_fastest(string reason)
    {
        var fastestId = reason == "origin" ? Origin : Guid.NewGuid();
        var fastest = reason switch
        {
            "suspended" => Node(id: fastestId, status: NodeStates.Suspended),
            "pending" => Node(id: fastestId, status: NodeStates.Pending),
            "stale" => Node(id: fastestId, reportAge: TimeSpan.FromSeconds(46)),
            "not accepting" => Node(id: fastestId, accepting: false),
            "closed" => Node(id: fastestId, open: false),
            "outside hours" => Node(id: fastestId, hours: [new OpeningHours(1, "14:00", "17:00"), new OpeningHours(2, "08:30", "13:30")]),
            "not competent" => Node(id: fastestId, competences: ["anagrafe", "tributi.imu"]),
            "other language" => Node(id: fastestId, languages: ["de"]),
            "no operators" => Node(id: fastestId, operators: 0),
            _ => Node(id: fastestId),
        };
        var slower = Node(queue: 8);
        var request = reason == "declined" ? Request(declined: fastestId) : Request();

        var decision = Policy.Choose(request, [fastest, slower]);

        Assert.Same(slower, decision.Receiver);
        Assert.Equal(1, decision.EligibleCount);
    }

    [Fact]
    public void A_parent_competence_covers_the_subcategory()
    {
        Assert.True(Policy.Choose(Request("tributi.tari"), [Node(competences: ["tributi"])]).Found);
        Assert.False(Policy.Choose(Request("tributi"), [Node(competences: ["tributi.tari"])]).Found);
    }

    [Fact]
    public void Opening_hours_are_read_in_Rome_time_including_daylight_saving()
    {
        // 1 July 2026 is a Wednesday; 06:45 UTC is 08:45 in Rome (UTC+2 in summer).
        var summerMorning = new DateTimeOffset(2026, 7, 1, 6, 45, 0, TimeSpan.Zero);
        var hours = new[] { new OpeningHours(3, "08:30", "13:30") };

        Assert.True(DispatchPolicy.IsWithinOpeningHours(hours, TimeZoneInfo.ConvertTime(summerMorning, Rome)));
        Assert.False(DispatchPolicy.IsWithinOpeningHours(hours, summerMorning));
    }

    [Fact]
    public void No_receiver_when_none_is_faster_than_staying_at_the_origin()
    {
        var decision = Policy.Choose(Request(maxDelay: TimeSpan.FromSeconds(300)), [Node(queue: 1, operators: 1)]);

        Assert.False(decision.Found);
        Assert.Equal(0, decision.EligibleCount);
    }

    [Fact]
    public void No_receiver_in_an_empty_network()
    {
        Assert.False(Policy.Choose(Request(), []).Found);
    }
}
