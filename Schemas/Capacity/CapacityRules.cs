namespace LineaHub.Schemas.Capacity;

/// <summary>The bounds of a capacity report, checked the same way by agent and hub.</summary>
public static class CapacityRules
{
    /// <summary>Most operators one office can report.</summary>
    public const int MaxOperators = 10_000;

    /// <summary>Longest local queue one office can report.</summary>
    public const int MaxQueue = 1_000_000;

    /// <summary>Longest average handling time: a day.</summary>
    public const int MaxHandlingSeconds = 24 * 3600;

    /// <summary>Per-field reasons (Italian) why <paramref name="report"/> is invalid; empty when valid.</summary>
    public static IReadOnlyDictionary<string, string[]> Problems(CapacityReport report)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Range(problems, "operatorsOnline", report.OperatorsOnline, 0, MaxOperators);
        Range(problems, "queueLength", report.QueueLength, 0, MaxQueue);
        Range(problems, "averageHandlingSeconds", report.AverageHandlingSeconds, 1, MaxHandlingSeconds);
        if (report.AcceptingOverflow is null)
        {
            problems["acceptingOverflow"] = ["Campo obbligatorio."];
        }

        if (report.OfficeOpen is null)
        {
            problems["officeOpen"] = ["Campo obbligatorio."];
        }

        return problems;
    }

    private static void Range(Dictionary<string, string[]> problems, string field, int? value, int min, int max)
    {
        if (value is null)
        {
            problems[field] = ["Campo obbligatorio."];
        }
        else if (value < min || value > max)
        {
            problems[field] = [$"Deve essere compreso tra {min} e {max}."];
        }
    }
}
