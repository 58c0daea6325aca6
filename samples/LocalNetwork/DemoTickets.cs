using System.Net.Http.Json;
using LineaHub.NodeAgent.Overflow;
using LineaHub.NodeAgent.Tickets;
using LineaHub.Schemas.Handover;
using LineaHub.Schemas.Nodes;

namespace LineaHub.Samples.LocalNetwork;

/// <summary>
/// Citizens' requests in the demo: a municipality with callers waiting opens a shared ticket through its agent (with
/// obviously synthetic contact data for a call-back); the agents' own overflow policies hand tickets from a busy
/// municipality to one with room, which accepts automatically in the demo.
/// </summary>
public sealed class DemoTickets(HttpClient http)
{
    /// <summary>A category every municipality of the demo handles, so a ticket can go to any of them.</summary>
    public const string Category = "anagrafe.certificati";

    private int _opened;

    /// <summary>Tickets opened so far.</summary>
    public int Opened => _opened;

    /// <summary>Agent settings that make the exchange visible within a minute: offer above 5 minutes of expected wait, accept automatically.</summary>
    public static IReadOnlyDictionary<string, string?> AgentSettings { get; } = new Dictionary<string, string?>
    {
        ["Overflow:ThresholdSeconds"] = "300",
        ["Overflow:EvaluateIntervalSeconds"] = "1",
        ["Overflow:AutoAccept"] = "true",
        ["Inbox:WaitSeconds"] = "5",
    };

    /// <summary>Each municipality with callers in its queue opens one ticket.</summary>
    public async Task OpenAsync(Office office, Uri localApi, int queueLength, CancellationToken cancellationToken)
    {
        if (office.Kind != NodeKinds.Comune || queueLength == 0)
        {
            return;
        }

        var number = Interlocked.Increment(ref _opened);
        var request = new LocalOpenTicketRequest(
            Category,
            "telefono",
            "informazione",
            "Richiesta di certificato di residenza: tempi e modalità di rilascio",
            DateTimeOffset.UtcNow.AddDays(2),
            Contact: new CitizenContact($"Cittadino Sintetico {number}", "+39 333 000 " + number.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), PreferredTime: "mattina"));
        using var response = await http.PostAsJsonAsync(new Uri(localApi, "api/v1/tickets"), request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>One line per office: its tickets offered or queued now, and the tickets it took from peers.</summary>
    public async Task PrintAsync(IReadOnlyList<(Office Office, Uri LocalApi)> agents, TextWriter output, CancellationToken cancellationToken)
    {
        output.WriteLine($"  ticket aperti dai comuni finora: {Opened}");
        foreach (var (office, localApi) in agents)
        {
            var status = await http.GetFromJsonAsync<OverflowStatus>(new Uri(localApi, "api/v1/overflow"), cancellationToken);
            var received = await http.GetFromJsonAsync<IReadOnlyList<ReceivedTicket>>(new Uri(localApi, "api/v1/overflow/received"), cancellationToken);
            output.WriteLine($"  {office.Name,-28} attesa prevista {status!.ExpectedWaitSeconds,5:0} s; offerti ora {status.OwnOffered.Count}, in coda di rete {status.OwnQueued.Count}; presi da altri uffici {received!.Count}");
        }
    }
}
