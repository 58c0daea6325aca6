using LineaHub.Hub.Overflow;
using LineaHub.Schemas.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace LineaHub.Benchmarks.RoutingSimulation;

/// <summary>
/// Offices with Poisson arrivals and exponential handling times. When a caller would wait, the office
/// offers the ticket and the hub's real <see cref="DispatchPolicy"/> picks a receiver from capacity
/// reports that are up to one report interval old; an accepted ticket reaches the receiver after an
/// exponential acceptance delay, which counts as waiting. Time is simulated through a fake clock.
/// </summary>
public sealed class NetworkSimulation
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private readonly Scenario _scenario;
    private readonly bool _overflow;
    private readonly Random _random;
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly DispatchPolicy _policy;
    private readonly OfficeState[] _offices;
    private readonly PriorityQueue<Event, (double, long)> _events = new();
    private readonly List<double> _waits = [];
    private long _sequence;
    private int _handedOver;
    private int _counted;
    private double _now;

    public NetworkSimulation(Scenario scenario, bool overflow)
    {
        _scenario = scenario;
        _overflow = overflow;
        _random = new Random(scenario.Seed);
        _policy = new DispatchPolicy(_clock, TimeSpan.FromSeconds(3 * scenario.ReportIntervalSeconds), TimeZoneInfo.Utc);
        _offices = [.. scenario.Offices.Select((office, i) => new OfficeState(
            i, NodeId(i), office, office.Load * office.Operators / scenario.MeanHandlingSeconds))];
    }

    /// <summary>
    /// A fixed id per office: the dispatcher breaks ties by node and keys its state by id, so ids with random bits (as a
    /// version-7 Guid has) made two runs of one seed differ, and a test comparing two policies flaky.
    /// </summary>
    private static Guid NodeId(int office) => new(office + 1, 0, 0x7000, [0x80, 0, 0, 0, 0, 0, 0, 0]);

    public SimulationResult Run()
    {
        var end = _scenario.HoursSimulated * 3600;
        var warmUp = _scenario.WarmUpHours * 3600;
        foreach (var office in _offices)
        {
            Schedule(Exponential(office.ArrivalRate), new Event(EventKind.Arrival, office.Index, null));
        }

        Schedule(0, new Event(EventKind.Report, -1, null));
        while (_events.TryDequeue(out var next, out var key) && key.Item1 <= end)
        {
            // Utilisation counts only the measured period, after the warm-up.
            var from = Math.Max(_now, warmUp);
            if (key.Item1 > from)
            {
                foreach (var office in _offices)
                {
                    office.BusySeconds += office.Busy * (key.Item1 - from);
                }
            }

            _now = key.Item1;
            _clock.SetUtcNow(Start.AddSeconds(_now));
            Handle(next, warmUp);
        }

        var measured = end - warmUp;
        var utilisation = _offices.Select(o => o.BusySeconds / (o.Config.Operators * measured)).ToList();
        return new SimulationResult(
            _waits.Count,
            _waits.Average(),
            _waits.Count(w => w > 60) / (double)_waits.Count,
            _counted == 0 ? 0 : _handedOver / (double)_counted,
            utilisation.Min(),
            utilisation.Max());
    }

    private void Handle(Event next, double warmUp)
    {
        var office = next.Office >= 0 ? _offices[next.Office] : null;
        switch (next.Kind)
        {
            case EventKind.Arrival:
                Schedule(_now + Exponential(office!.ArrivalRate), next);
                Arrive(office, new Ticket(_now, _now >= warmUp));
                break;
            case EventKind.Departure:
                office!.Busy--;
                if (office.Waiting.First is { } waiting)
                {
                    office.Waiting.RemoveFirst();
                    StartService(office, waiting.Value);
                }

                break;
            case EventKind.Handover:
                office!.InFlight--;
                if (office.Busy < office.Config.Operators)
                {
                    StartService(office, next.Ticket!);
                }
                else
                {
                    office.Waiting.AddLast(next.Ticket!);
                }

                break;
            case EventKind.Patience:
                // Still waiting here after the office's patience: now it is offered to the network.
                if (office!.Waiting.Find(next.Ticket!) is { } patient && TryHandOver(office, patient.Value))
                {
                    office.Waiting.Remove(patient);
                }

                break;
            case EventKind.Report:
                foreach (var each in _offices)
                {
                    each.Report = new Report(_clock.GetUtcNow(), each.Waiting.Count, each.Busy < each.Config.Operators);
                }

                Schedule(_now + _scenario.ReportIntervalSeconds, next);
                break;
        }
    }

    private void Arrive(OfficeState office, Ticket ticket)
    {
        if (ticket.Counted)
        {
            _counted++;
        }

        if (office.Busy < office.Config.Operators)
        {
            StartService(office, ticket);
            return;
        }

        if (_overflow && _scenario.HandoverAfterSeconds > 0)
        {
            // Late handover: the ticket waits here first, and is offered only if still waiting after a while.
            office.Waiting.AddLast(ticket);
            Schedule(_now + _scenario.HandoverAfterSeconds, new Event(EventKind.Patience, office.Index, ticket));
            return;
        }

        if (!_overflow || !TryHandOver(office, ticket))
        {
            office.Waiting.AddLast(ticket);
        }
    }

    private bool TryHandOver(OfficeState office, Ticket ticket)
    {
        var localDelay = TimeSpan.FromSeconds((office.Waiting.Count + 1) * _scenario.MeanHandlingSeconds / office.Config.Operators);
        if (localDelay.TotalSeconds <= _scenario.OfferThresholdSeconds)
        {
            return false;
        }

        var decision = _policy.Choose(
            new DispatchRequest(office.NodeId, office.Config.RegionCode, "tributi.tari", "it", new HashSet<Guid>(),
                _scenario.RequireFasterThanOrigin ? localDelay : null),
            _offices.Select(Candidate));
        if (decision.Receiver is not { } receiver)
        {
            return false;
        }

        var target = _offices.Single(o => o.NodeId == receiver.NodeId);
        target.InFlight++;
        target.RecentReceived.Enqueue(_now);
        if (ticket.Counted)
        {
            _handedOver++;
        }

        Schedule(_now + Exponential(1 / _scenario.MeanAcceptDelaySeconds), new Event(EventKind.Handover, target.Index, ticket));
        return true;
    }

    private DispatchCandidate Candidate(OfficeState office)
    {
        while (office.RecentReceived.TryPeek(out var at) && _now - at > 3600)
        {
            office.RecentReceived.Dequeue();
        }

        // What the hub knows: the last report (queue, accepting) and, exactly, its own offers in flight.
        return new DispatchCandidate(
            office.NodeId,
            office.Config.RegionCode,
            NodeStates.Active,
            ["tributi"],
            ["it"],
            [],
            office.Report?.At,
            office.Config.Operators,
            office.Report?.Queue ?? 0,
            (int)_scenario.MeanHandlingSeconds,
            office.Report?.Accepting ?? false,
            OfficeOpen: true,
            office.InFlight,
            office.RecentReceived.Count);
    }

    private void StartService(OfficeState office, Ticket ticket)
    {
        office.Busy++;
        if (ticket.Counted)
        {
            _waits.Add(_now - ticket.ArrivedAt);
        }

        Schedule(_now + Exponential(1 / _scenario.MeanHandlingSeconds), new Event(EventKind.Departure, office.Index, null));
    }

    private void Schedule(double at, Event item) => _events.Enqueue(item, (at, _sequence++));

    private double Exponential(double rate) => -Math.Log(1 - _random.NextDouble()) / rate;

    private enum EventKind
    {
        Arrival,
        Departure,
        Handover,
        Patience,
        Report,
    }

    private sealed record Event(EventKind Kind, int Office, Ticket? Ticket);

    /// <summary>A class, not a record: two callers arriving at the same instant are still two tickets.</summary>
    private sealed class Ticket(double arrivedAt, bool counted)
    {
        public double ArrivedAt { get; } = arrivedAt;

        public bool Counted { get; } = counted;
    }

    private sealed record Report(DateTimeOffset At, int Queue, bool Accepting);

    private sealed class OfficeState(int index, Guid nodeId, SimulatedOffice config, double arrivalRate)
    {
        public int Index { get; } = index;

        public Guid NodeId { get; } = nodeId;

        public SimulatedOffice Config { get; } = config;

        public double ArrivalRate { get; } = arrivalRate;

        public int Busy { get; set; }

        public int InFlight { get; set; }

        public double BusySeconds { get; set; }

        public LinkedList<Ticket> Waiting { get; } = new();

        public Queue<double> RecentReceived { get; } = new();

        public Report? Report { get; set; }
    }
}

/// <summary>What one run measured.</summary>
public sealed record SimulationResult(
    int Tickets,
    double MeanWaitSeconds,
    double ProbabilityWaitOver60,
    double ShareHandedOver,
    double MinUtilisation,
    double MaxUtilisation);
