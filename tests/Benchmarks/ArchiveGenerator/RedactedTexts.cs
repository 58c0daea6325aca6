using LineaHub.Schemas.Anonymisation;

namespace LineaHub.Benchmarks.ArchiveGenerator;

/// <summary>
/// Free texts as an agent sends them: Italian, about 300 characters, personal data already replaced by placeholders
/// (<c>[NOME]</c>, <c>[TELEFONO]</c>, …), protocol numbers and public places left in. Each is an opening, a part about
/// the category's subject and a closing; every combination is checked once against the hub's PII guard
/// (<see cref="TextAnonymiser"/>), which must find nothing, since the hub would refuse the record otherwise.
/// </summary>
public static class RedactedTexts
{
    private static readonly string[] Openings =
    [
        "Il cittadino [NOME] contatta l'ufficio relazioni con il pubblico.",
        "La sig.ra [NOME] telefona dal numero [TELEFONO] e chiede informazioni.",
        "Richiesta pervenuta tramite il modulo del sito istituzionale.",
        "L'utente, residente in [INDIRIZZO], si presenta allo sportello.",
        "Messaggio ricevuto alla casella [EMAIL] dell'ente.",
        "Il sig. [NOME], codice fiscale [CODICE_FISCALE], richiama per la seconda volta.",
    ];

    private static readonly Dictionary<string, string[]> Subjects = new(StringComparer.Ordinal)
    {
        ["anagrafe"] = ["Chiede quali documenti servono per il cambio di residenza e i tempi della verifica della polizia locale.", "Domanda come prenotare l'appuntamento per la carta d'identità elettronica e quanto costa il rinnovo."],
        ["stato-civile"] = ["Chiede come richiedere l'estratto dell'atto di nascita e se può farlo per conto di un familiare.", "Domanda i documenti per le pubblicazioni di matrimonio e i giorni disponibili in sala consiliare."],
        ["tributi"] = ["Segnala che l'avviso di pagamento della tassa rifiuti riporta una superficie diversa da quella dichiarata.", "Chiede come calcolare la rata di giugno e se può compensare un versamento fatto in eccesso l'anno scorso."],
        ["ambiente-rifiuti"] = ["Segnala sacchi abbandonati accanto ai cassonetti di piazza Garibaldi da più giorni.", "Chiede il calendario del ritiro ingombranti e come prenotarlo per la prossima settimana."],
        ["viabilita-trasporti"] = ["Segnala una buca profonda sulla strada provinciale all'altezza del chilometro 12, pericolosa per i motocicli.", "Chiede come rinnovare il permesso per la zona a traffico limitato e quali documenti allegare."],
        ["lavori-pubblici"] = ["Segnala tre lampioni spenti in via Roma all'altezza del civico 10, la zona è buia la sera.", "Riferisce una perdita d'acqua dal marciapiede vicino alla scuola elementare, in corso da ieri."],
        ["scuola"] = ["Chiede come iscrivere il figlio alla mensa scolastica e come ottenere la riduzione della tariffa.", "Domanda gli orari del trasporto scolastico per la nuova fermata e le modalità di iscrizione."],
        ["servizi-sociali"] = ["Chiede informazioni sul contributo per l'affitto e sui requisiti di reddito previsti dal bando.", "Domanda come attivare l'assistenza domiciliare per un familiare anziano non autosufficiente."],
        ["edilizia-urbanistica"] = ["Chiede lo stato della pratica edilizia protocollo n. 2026/04512 presentata tramite lo sportello telematico.", "Domanda quali vincoli del piano regolatore valgono per un terreno agricolo in zona collinare."],
        ["attivita-produttive"] = ["Chiede come presentare la segnalazione certificata di inizio attività per un esercizio di vicinato.", "Domanda i requisiti per l'occupazione di suolo pubblico con un dehors nel periodo estivo."],
        ["polizia-locale"] = ["Contesta un verbale per sosta vietata ricevuto la settimana scorsa e chiede come presentare ricorso.", "Segnala auto in sosta sul marciapiede davanti all'ingresso dell'ambulatorio comunale."],
        ["protezione-civile"] = ["Segnala alberi caduti e una strada allagata dopo il temporale, chiede quando interverranno le squadre.", "Chiede come ottenere il contributo per i danni subiti dall'abitazione durante l'alluvione."],
        ["sanita"] = ["Lamenta di non riuscire a prenotare una visita specialistica: il centro unico di prenotazione non risponde da ore.", "Chiede come rinnovare l'esenzione dal ticket per reddito e dove consegnare l'autocertificazione."],
        ["previdenza-lavoro"] = ["Chiede a che punto è la domanda di pensione presentata a marzo e quando arriverà il primo pagamento.", "Domanda come iscriversi al centro per l'impiego e quali corsi di formazione sono attivi."],
        ["fisco"] = ["Chiede chiarimenti su una cartella di pagamento ricevuta per il bollo auto di due anni fa.", "Domanda come correggere la dichiarazione dei redditi già inviata e entro quale scadenza."],
        ["elettorale"] = ["Ha smarrito la tessera elettorale e chiede come ottenere un duplicato prima delle elezioni.", "Chiede di verificare l'iscrizione nelle liste elettorali dopo il trasferimento da un altro comune."],
        ["cultura-turismo"] = ["Chiede il programma degli eventi estivi in piazza e se serve la prenotazione per i concerti.", "Domanda gli orari della biblioteca comunale durante il mese di agosto e il servizio di prestito."],
        ["trasparenza"] = ["Presenta una richiesta di accesso civico generalizzato agli atti della gara per la manutenzione del verde.", "Chiede come esercitare il diritto di accesso ai propri dati trattati dall'ente."],
        ["urp"] = ["Lamenta la chiusura dello sportello senza preavviso e i tempi di attesa al telefono superiori a mezz'ora.", "Chiede gli orari di apertura degli uffici durante le festività e il numero del centralino."],
    };

    private static readonly string[] Closings =
    [
        " Fornite le indicazioni e inviato il link alla modulistica.",
        " Pratica inoltrata all'ufficio competente con protocollo n. 2026/11873.",
        " Concordato di richiamare al numero [TELEFONO] entro tre giorni lavorativi.",
        " Risposta data in linea, il cittadino si dichiara soddisfatto.",
        " Aperta segnalazione per il servizio manutenzioni, priorità media.",
    ];

    private static readonly Lazy<Dictionary<string, string[]>> Clean = new(Build);

    /// <summary>Texts per top-level category that the PII guard found nothing in.</summary>
    public static IReadOnlyDictionary<string, string[]> ByTopCategory => Clean.Value;

    /// <summary>A redacted text about <paramref name="category"/> (a taxonomy leaf code).</summary>
    public static string Pick(Random random, string category)
    {
        var dot = category.IndexOf('.', StringComparison.Ordinal);
        var texts = Clean.Value.TryGetValue(dot < 0 ? category : category[..dot], out var found) ? found : Clean.Value["urp"];
        return texts[random.Next(texts.Length)];
    }

    private static Dictionary<string, string[]> Build()
    {
        var clean = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var flagged = new List<string>();
        foreach (var (top, subjects) in Subjects)
        {
            var texts = new List<string>();
            foreach (var text in Openings.SelectMany(o => subjects.SelectMany(s => Closings.Select(c => $"{o} {s}{c}"))))
            {
                if (TextAnonymiser.ContainsPersonalData(text))
                {
                    flagged.Add(text);
                }
                else
                {
                    texts.Add(text);
                }
            }

            clean[top] = texts.Count > 0
                ? [.. texts]
                : throw new InvalidOperationException($"Every synthetic text about '{top}' has personal data by the PII guard, e.g.: {flagged[^1]}");
        }

        return clean;
    }
}
