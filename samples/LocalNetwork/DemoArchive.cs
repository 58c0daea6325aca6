using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LineaHub.Hub.Analytics;
using LineaHub.NodeAgent.Archive;
using LineaHub.Schemas.Nodes;

namespace LineaHub.Samples.LocalNetwork;

/// <summary>
/// The archive in the demo: every round each office closes a few contacts through its agent's local API — with a
/// synthetic citizen's name and phone number typed in the text, which the agent anonymises before anything leaves —
/// and the network's most frequent categories of the day are read back as an analyst would.
/// </summary>
public sealed class DemoArchive(HttpClient http)
{
    private int _round;

    /// <summary>Contacts the demo's offices closed so far.</summary>
    public int Closed { get; private set; }

    public async Task CloseContactsAsync(Office office, Uri localApi, CancellationToken cancellationToken)
    {
        var round = Interlocked.Increment(ref _round);
        var count = 2 + (office.Code.Length + round) % 4;
        var closedAt = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var category = office.Competences[(round + i) % office.Competences.Count];
            var contact = new ClosedContact(
                string.Create(CultureInfo.InvariantCulture, $"{office.Slug}-{round}-{i}"),
                category,
                i % 3 == 0 ? "email" : "telefono",
                "informazione",
                i % 4 == 0 ? "inoltrato" : "risolto",
                closedAt.AddMinutes(-12),
                closedAt,
                FirstResponseSeconds: 40 + 15 * i,
                ResolutionSeconds: 300 + 60 * i,
                Citizen: string.Create(CultureInfo.InvariantCulture, $"+39 333 000 {i:D4}"),
                IstatCode: office.Kind == NodeKinds.Comune ? office.Code : "066049",
                // Obviously synthetic personal data, so that the anonymisation shows in the agent's record.
                Text: $"La signora Maria Bianchi (tel. 333 000 {i:D4}) chiede informazioni: {category}.",
                Satisfaction: 3 + i % 3);
            using var response = await http.PostAsJsonAsync(new Uri(localApi, "api/v1/contacts/closed"), contact, cancellationToken);
            response.EnsureSuccessStatusCode();
            Closed++;
        }
    }

    /// <summary>Each office's archive line, and today's top categories across the network (small cells suppressed).</summary>
    public async Task PrintAsync(
        IReadOnlyList<(Office Office, Uri LocalApi)> agents, Uri hub, AuthenticationHeaderValue analyst, TextWriter output, CancellationToken cancellationToken)
    {
        output.WriteLine($"  contatti chiusi e archiviati dagli uffici finora: {Closed}");
        foreach (var (office, localApi) in agents)
        {
            var status = (await http.GetFromJsonAsync<ArchiveStatus>(new Uri(localApi, "api/v1/archive"), cancellationToken))!;
            output.WriteLine($"  {office.Name,-28} archivio: {status.Sent} inviati all'hub, {status.Pending} in attesa, {status.Refused} rifiutati");
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome")).DateTime);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(hub, string.Create(CultureInfo.InvariantCulture,
            $"api/v1/analytics/top-categories?from={today:yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}&limit=5")));
        request.Headers.Authorization = analyst;
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var top = (await response.Content.ReadFromJsonAsync<TopCategoriesResult>(cancellationToken))!;
        var cells = top.Categories.Select(c => c.Suppressed ? $"{c.Category} (<{top.Suppression.MinimumCellCount})" : $"{c.Category} {c.Count}");
        output.WriteLine($"  categorie più frequenti oggi nella rete (GET /api/v1/analytics/top-categories): {string.Join(", ", cells)}");
    }
}
