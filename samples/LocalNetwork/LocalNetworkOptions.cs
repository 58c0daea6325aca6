namespace LineaHub.Samples.LocalNetwork;

/// <summary>How the demo runs; every value has a default so that one command is enough.</summary>
public sealed record LocalNetworkOptions
{
    /// <summary>Folder for the hub's and the agents' data; emptied at start so the join flow runs every time.</summary>
    public string DataDirectory { get; init; } = Path.GetFullPath("network-data");

    /// <summary>Hub port on 127.0.0.1; 0 picks a free one.</summary>
    public int HubPort { get; init; } = 5080;

    /// <summary>First agent's local API port; the others follow. 0 picks free ones.</summary>
    public int FirstAgentPort { get; init; } = 5091;

    /// <summary>Seconds between capacity reports (the hub's setting, which agents follow).</summary>
    public int ReportIntervalSeconds { get; init; } = 5;

    /// <summary>Stop by itself after this long; null runs until Ctrl+C.</summary>
    public TimeSpan? Duration { get; init; }

    public static LocalNetworkOptions Parse(string[] args)
    {
        var options = new LocalNetworkOptions();
        for (var i = 0; i < args.Length - 1; i++)
        {
            options = args[i] switch
            {
                "--data" => options with { DataDirectory = Path.GetFullPath(args[i + 1]) },
                "--hub-port" => options with { HubPort = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) },
                "--agent-port" => options with { FirstAgentPort = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) },
                "--interval" => options with { ReportIntervalSeconds = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture)) },
                _ => options,
            };
        }

        return options;
    }
}
