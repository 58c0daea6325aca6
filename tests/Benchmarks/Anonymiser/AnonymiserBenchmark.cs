using BenchmarkDotNet.Attributes;
using LineaHub.Schemas.Anonymisation;

namespace LineaHub.Benchmarks.Anonymiser;

/// <summary>
/// One operation anonymises one text of about 300 characters; the texts mix personal data of every kind with
/// texts that carry none, as an office's closed contacts would. Single-threaded, so the figure is per core.
/// </summary>
[MemoryDiagnoser]
public class AnonymiserBenchmark
{
    private const int TextsPerInvoke = 1000;

    private static readonly string[] Samples =
    [
        "Buongiorno, sono Mario Rossi, codice fiscale RSSMRA85T10A562S, e chiedo lo stato della mia richiesta di rimborso TARI del 2025. Potete ricontattarmi a mario.rossi@example.it oppure al 333 1234567? Ho già chiamato il numero verde 800 123 456 ma nessuno risponde. Grazie mille.",
        "Buca profonda in via Roma all'altezza del civico 10, pericolosa per i motorini e per le biciclette. Segnalata anche ieri sera alla Polizia Locale, prot. n. 12345/2026. Il lampione in piazza Garibaldi è spento da tre giorni e la zona è al buio. Chiedo un intervento urgente, grazie.",
        "Io sottoscritta Anna De Luca, nata a Bologna il 12/03/1980, residente in via delle Prove 12, 40100 Bologna, chiedo il rimborso della mensa scolastica sull'IBAN IT60 X054 2811 1010 0000 0123 456. Allego copia della carta d'identità n. CA12345AB e della ricevuta di pagamento.",
        "Multa per l'auto targata AB 123 CD del 12 marzo 2026: il veicolo era stato rubato il giorno prima, allego la denuncia. Importo € 1.234,56 come da art. 7 comma 3 del codice della strada. La ditta, P.IVA 00743110157, è intestataria del mezzo. Il ticket LA-7K3M-9QXA risulta chiuso.",
        "L'evento si terrà il 18 aprile 2026 alle ore 10:30 nella sala consiliare del Comune, codice ISTAT 058091. Ingresso libero fino a esaurimento posti. Per informazioni il centralino del comune 06 1234 5678 risponde dal lunedì al venerdì dalle 9 alle 13; è prevista la diretta streaming.",
        "Salve, la signora Rosa Bianco, mia vicina, mi ha chiesto di segnalare che il cassonetto della carta in corso Vittorio Emanuele non viene svuotato da due settimane. Il mio numero è +39 347 765 4321, la mia PEC giulia.zanfrotti@pec.example.it. Grazie per l'attenzione e buona giornata.",
    ];

    private string[] texts = [];

    [GlobalSetup]
    public void Setup()
    {
        texts = Enumerable.Range(0, TextsPerInvoke).Select(i => Samples[i % Samples.Length]).ToArray();
    }

    [Benchmark(OperationsPerInvoke = TextsPerInvoke, Description = "Anonymise one ~300-char text")]
    public int Anonymise()
    {
        var findings = 0;
        foreach (var text in texts) findings += TextAnonymiser.Anonymise(text).Findings.Count;
        return findings;
    }
}
