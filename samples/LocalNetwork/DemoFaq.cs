using System.Net.Http.Json;
using LineaHub.NodeAgent.Faq;
using LineaHub.Schemas.Faq;

namespace LineaHub.Samples.LocalNetwork;

/// <summary>
/// The shared FAQ in the demo: the region writes and publishes a few regional entries on the hub with its own
/// token; every round an office's operator searches its agent's replica the way people ask (everyday words, missing
/// accents), and marks the first result "used to answer", which reaches the hub through the agent's outbox.
/// </summary>
public sealed class DemoFaq(HttpClient http)
{
    // Synthetic entries, written for the demo.
    private static readonly FaqEntryRequest[] Entries =
    [
        new("Come si prenota il ritiro dei rifiuti ingombranti?",
            "Il ritiro a domicilio si prenota al **numero verde** del gestore o dal sito del comune; si indicano i materiali e il giorno.",
            "ambiente-rifiuti", ["ingombranti", "materassi", "mobili"], "regional", null, null),
        new("Come si richiede la carta d'identità elettronica (CIE)?",
            "Si prenota un appuntamento all'anagrafe del comune di residenza; servono una fototessera e la vecchia carta.",
            "anagrafe", ["cie", "documento"], "regional", null, null),
        new("Entro quando si paga la TARI?",
            "La TARI si paga in rate con l'avviso inviato dal comune, anche con **pagoPA**; le scadenze sono sull'avviso.",
            "tributi", ["tassa rifiuti"], "regional", null, null),
    ];

    private static readonly string[] Questions =
        ["dove butto un materasso vecchio", "carta d'identita elettronica", "quando si paga la tassa sulla spazzatura"];

    private int _round;

    /// <summary>Searches run at the offices so far.</summary>
    public int Searches { get; private set; }

    /// <summary>The region's entries, published; <paramref name="regionHub"/> is its agent's client for the hub (its own token).</summary>
    public static async Task PublishAsync(HttpClient regionHub, Uri hub, CancellationToken cancellationToken)
    {
        foreach (var entry in Entries)
        {
            using var created = await regionHub.PostAsJsonAsync(new Uri(hub, "api/v1/faq/entries"), entry, cancellationToken);
            created.EnsureSuccessStatusCode();
            var view = (await created.Content.ReadFromJsonAsync<FaqEntryView>(cancellationToken))!;
            using var published = await regionHub.PostAsync(new Uri(hub, $"api/v1/faq/entries/{view.Id}/publish"), null, cancellationToken);
            published.EnsureSuccessStatusCode();
        }
    }

    /// <summary>One office searches its replica and gives feedback on the first result; prints what the operator sees.</summary>
    public async Task SearchAsync(IReadOnlyList<(Office Office, Uri LocalApi)> agents, TextWriter output, CancellationToken cancellationToken)
    {
        var round = _round++;
        // Municipalities first: their replicas started after the region published.
        var (office, localApi) = agents[(round + 1) % agents.Count];
        var question = Questions[round % Questions.Length];
        var found = (await http.GetFromJsonAsync<LocalFaqSearchResponse>(
            new Uri(localApi, $"api/v1/faq/search?q={Uri.EscapeDataString(question)}&limit=3"), cancellationToken))!;
        Searches++;
        if (found.Hits.Count == 0)
        {
            output.WriteLine($"  FAQ, {office.Name}: «{question}» → nessun risultato (copia locale alla versione {found.ReplicaVersion})");
            return;
        }

        var first = found.Hits[0];
        using var feedback = await http.PostAsJsonAsync(
            new Uri(localApi, $"api/v1/faq/entries/{first.Id}/feedback"), new LocalFaqFeedback(FaqFeedbackKinds.Used, found.SearchId), cancellationToken);
        feedback.EnsureSuccessStatusCode();
        output.WriteLine($"  FAQ, {office.Name}: «{question}» → «{first.Question}» (copia locale, versione {found.ReplicaVersion}; segnata \"usata per rispondere\")");
    }
}
