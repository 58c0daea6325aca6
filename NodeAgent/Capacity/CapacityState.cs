using LineaHub.Schemas.Capacity;
using Microsoft.Extensions.Options;

namespace LineaHub.NodeAgent.Capacity;

/// <summary>The office's current figures and the outcome of the last report to the hub.</summary>
public sealed class CapacityState(IOptions<CapacityOptions> options)
{
    private readonly Lock _lock = new();
    private CapacityReport _current = new(
        options.Value.OperatorsOnline,
        options.Value.QueueLength,
        options.Value.AverageHandlingSeconds,
        options.Value.AcceptingOverflow,
        options.Value.OfficeOpen);

    private ReportOutcome? _lastOutcome;

    public CapacityReport Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    public ReportOutcome? LastOutcome
    {
        get
        {
            lock (_lock)
            {
                return _lastOutcome;
            }
        }
    }

    public void Set(CapacityReport report)
    {
        lock (_lock)
        {
            _current = report;
        }
    }

    public void Record(ReportOutcome outcome)
    {
        lock (_lock)
        {
            _lastOutcome = outcome;
        }
    }
}

/// <summary>How the last capacity report went.</summary>
public sealed record ReportOutcome(DateTimeOffset At, bool Accepted, string? Error, CapacityReport Report);
