using LineaHub.Schemas.Anonymisation;
using L = LineaHub.Schemas.Anonymisation.PiiLabel;

namespace LineaHub.Schemas.Tests.Anonymisation;

/// <summary>
/// The labelled test set: texts a citizen-relations office could receive, filled with obviously synthetic people,
/// streets and numbers (valid checksums from <see cref="PiiGenerators"/>), plus hard negatives that must survive.
/// Deterministic for a given seed.
/// </summary>
internal static class SyntheticCorpus
{
    public const int Seed = 20260404;

    private static readonly string[] ListedFirst = ["Mario", "Giulia", "Francesco", "Chiara", "Luca", "Paola", "Giuseppe", "Anna", "Stefano", "Ilaria", "Davide", "Federica", "Gennaro", "Lucia", "Matteo", "Elisa"];
    private static readonly string[] ListedSurname = ["Rossi", "Esposito", "Bianchi", "Ricci", "Colombo", "Giordano", "Mancini", "Rizzo", "Lombardi", "Barbieri", "Santoro", "Rinaldi", "Caruso", "Ferrara", "Pellegrini", "Palumbo"];
    private static readonly string[] ParticleSurname = ["De Luca", "Dell'Acqua", "Di Stefano", "Lo Russo", "La Rosa", "De Santis", "D'Amico", "Della Valle", "De Angelis", "Di Maio"];
    private static readonly string[] SyntheticFirst = ["Ermenegildo", "Filiberta", "Gualtiera", "Sigismondo", "Zelinda", "Anselmo", "Brunilde", "Eustachio"];
    private static readonly string[] SyntheticSurname = ["Provetti", "Esempini", "Fittizi", "Campionari", "Zanfrotti", "Pseudoni", "Finzioli", "Modellini"];
    private static readonly string[] AmbiguousFirst = ["Rosa", "Serena", "Franco", "Bianca", "Stella", "Fortunato"];
    private static readonly string[] AmbiguousSurname = ["Bianco", "Sole", "Russo", "Greco", "Fontana", "Conte", "Leone", "Costa"];
    private static readonly string[] Titles = ["il sig.", "la sig.ra", "il signor", "la signora", "il dott.", "la dott.ssa", "l'avv.", "il cittadino", "la cittadina"];
    private static readonly string[] Streets = ["via delle Prove", "via Fittizia", "viale degli Esempi", "piazza Campione", "corso Immaginario", "via Mario Provetti", "largo dei Modelli", "via Sperimentale"];
    private static readonly string[] Towns = ["Roma", "Bologna", "Torino", "Napoli", "Pescara", "Ancona"];
    private static readonly string[] Domains = ["example.it", "posta-esempio.it", "mail.example.com", "pec.comune-esempio.it", "pec.example.it"];

    public static IReadOnlyList<LabelledText> Generate(int positives = 420, int negatives = 220, int seed = Seed)
    {
        var g = new PiiGenerators(seed);
        var cases = new List<LabelledText>(positives + negatives);
        var positiveTemplates = PositiveTemplates();
        var negativeTemplates = NegativeTemplates();
        for (var i = 0; i < positives; i++) cases.Add(positiveTemplates[i % positiveTemplates.Length](g));
        for (var i = 0; i < negatives; i++) cases.Add(negativeTemplates[i % negativeTemplates.Length](g));
        return cases;
    }

    private static LabelledText.Builder B(string kind) => new(kind);

    private static string Name(PiiGenerators g) => g.Random.Next(6) switch
    {
        0 or 1 => $"{g.Pick(ListedFirst)} {g.Pick(ListedSurname)}",
        2 => $"{g.Pick(ListedFirst)} {g.Pick(ParticleSurname)}",
        3 => $"{g.Pick(ListedFirst)} {g.Pick(SyntheticSurname)}",
        4 => $"{g.Pick(ListedSurname)} {g.Pick(ListedFirst)}",
        _ => $"{g.Pick(ListedFirst)} {g.Pick(ListedSurname)}",
    };

    private static string Address(PiiGenerators g)
    {
        var street = g.Pick(Streets);
        var number = g.Random.Next(1, 200);
        var civic = g.Random.Next(4) switch
        {
            0 => $" {number}",
            1 => $", {number}",
            2 => $" n. {number}",
            _ => $" {number}/{(char)('A' + g.Random.Next(4))}",
        };
        var tail = g.Random.Next(3) == 0 ? $", {g.Random.Next(10, 99)}{g.Random.Next(100, 999)} {g.Pick(Towns)}" : "";
        return street + civic + tail;
    }

    private static string Email(PiiGenerators g)
    {
        var first = g.Pick(ListedFirst).ToLowerInvariant();
        var last = g.Pick(SyntheticSurname).ToLowerInvariant();
        var local = g.Random.Next(3) switch { 0 => $"{first}.{last}", 1 => $"{first[0]}.{last}{g.Random.Next(50, 99)}", _ => $"{first}_{last}" };
        return $"{local}@{g.Pick(Domains)}";
    }

    private static string SpacedOrLower(PiiGenerators g, string code) => g.Random.Next(4) switch
    {
        0 => code.ToLowerInvariant(),
        1 => $"{code[..6]} {code[6..11]} {code[11..]}",
        2 => $"{code[..3]} {code[3..6]} {code[6..11]} {code[11..]}",
        _ => code,
    };

    private static Func<PiiGenerators, LabelledText>[] PositiveTemplates() =>
    [
        g => B("name+cf").T("Buongiorno, sono ").P(L.Name, Name(g)).T(", codice fiscale ").P(L.FiscalCode, SpacedOrLower(g, g.FiscalCode())).T(", e chiedo lo stato della mia richiesta di rimborso TARI.").Build(),
        g => B("cf omocodia").T("Il mio CF è ").P(L.FiscalCode, g.FiscalCode(g.Random.Next(1, 4))).T(" (omocodia, me lo ha detto l'Agenzia delle Entrate). Non riesco ad accedere al portale.").Build(),
        g => B("title+ambiguous").T("Ha chiamato ").T(g.Pick(Titles)).T(" ").P(L.Name, $"{g.Pick(AmbiguousFirst)} {g.Pick(AmbiguousSurname)}").T(" per un rimborso della mensa scolastica non ancora ricevuto.").Build(),
        g => B("title+synthetic").T("Segnalazione presentata da").T(g.Random.Next(2) == 0 ? "l sig. " : "lla sig.ra ").P(L.Name, $"{g.Pick(SyntheticFirst)} {g.Pick(SyntheticSurname)}").T(": chiede il rinnovo del contrassegno per invalidi.").Build(),
        g => B("mi chiamo").T("Salve, mi chiamo ").P(L.Name, Name(g)).T(" e vorrei sapere come iscrivere mio figlio al nido comunale. Il mio numero è ").P(L.Phone, g.Mobile()).T(".").Build(),
        g => B("email+phone").T("Potete ricontattarmi a ").P(L.Email, Email(g)).T(" oppure al ").P(L.Phone, g.Mobile()).T(", grazie. Attendo risposta sulla pratica.").Build(),
        g => B("pec").T("Invio PEC da ").P(L.Email, Email(g)).T(" per conto della ditta, P.IVA ").P(L.VatNumber, g.VatNumber()).T(", in merito al bando per l'occupazione di suolo pubblico.").Build(),
        g => B("vat").T("Fattura intestata a impresa edile con partita IVA ").P(L.VatNumber, (g.Random.Next(3) == 0 ? "IT" : "") + g.VatNumber()).T(", chiediamo il pagamento entro 30 giorni come da contratto.").Build(),
        g => B("iban it").T("Per il rimborso il mio IBAN è ").P(L.Iban, g.Random.Next(2) == 0 ? PiiGenerators.Grouped(g.Iban()) : g.Iban()).T(", intestato a ").P(L.Name, Name(g)).T(".").Build(),
        g => B("iban eu").T("Vivo all'estero, potete accreditare su ").P(L.Iban, PiiGenerators.Grouped(g.Iban(g.Pick(["DE", "FR", "ES"])))).T(" la somma versata due volte per errore.").Build(),
        g => B("landline").T("Mi trovate a casa al numero ").P(L.Phone, g.Landline()).T(" dopo le 18, per la questione del passo carrabile.").Build(),
        g => B("address").T("Io sottoscritto ").P(L.Name, Name(g)).T(", residente in ").P(L.Address, Address(g)).T(", chiedo il certificato di residenza storico.").Build(),
        g => B("address abito").T("Abito in ").P(L.Address, Address(g)).T(" e da tre settimane nessuno ritira la carta: il calendario della raccolta è cambiato?").Build(),
        g => B("address town").T("La signora ").P(L.Name, $"{g.Pick(ListedFirst)} {g.Pick(SyntheticSurname)}").T(", residente a ").T(g.Pick(Towns)).T(" in ").P(L.Address, Address(g)).T(", chiede un appuntamento all'anagrafe.").Build(),
        g => B("plate").T("Multa per l'auto targata ").P(L.Plate, g.Plate()).T(" del ").T("12 marzo 2026").T(": il veicolo era stato rubato, allego la denuncia.").Build(),
        g => B("plate targa").T("Veicolo con targa ").P(L.Plate, g.Plate()).T(" parcheggiato da settimane davanti al civico 14, sembra abbandonato.").Build(),
        g => B("cie").T("Ho perso la carta d'identità n. ").P(L.IdentityDocument, g.ElectronicIdentityCard()).T(", come faccio a bloccarla e rifarla?").Build(),
        g => B("passport").T("Passaporto ").P(L.IdentityDocument, g.Passport()).T(" in scadenza: serve la prenotazione in questura o basta il Comune?").Build(),
        g => B("licence").T("Allego copia della patente di guida n. ").P(L.IdentityDocument, g.DrivingLicence()).T(" come richiesto per il permesso ZTL.").Build(),
        g => B("document").T("Documento n. ").P(L.IdentityDocument, g.ElectronicIdentityCard()).T(" presentato allo sportello, la pratica risulta ferma.").Build(),
        g => B("birth").T("Mia madre, ").P(L.Name, Name(g)).T(", nata il ").P(L.BirthDate, g.BirthDate()).T(", ha bisogno dell'assistenza domiciliare.").Build(),
        g => B("birth place").T("Il richiedente ").P(L.Name, Name(g)).T(", nato a ").T(g.Pick(Towns)).T(" il ").P(L.BirthDate, g.BirthDate()).T(", chiede il cambio di residenza.").Build(),
        g => B("birth field").T("Dati: data di nascita ").P(L.BirthDate, g.BirthDate()).T(", codice fiscale ").P(L.FiscalCode, g.FiscalCode()).T(", telefono ").P(L.Phone, g.Mobile()).T(".").Build(),
        g => B("particle").T("Il sig. ").P(L.Name, $"{g.Pick(ListedFirst)} {g.Pick(ParticleSurname)}").T(" lamenta il ritardo nella risposta alla sua istanza di accesso agli atti.").Build(),
        g => B("name alone").T("Ho parlato con ").P(L.Name, Name(g)).T(" dell'ufficio tributi ma non ho avuto risposta sulla rateizzazione.").Build(),
        g => B("two names").T(Capitalise(g.Pick(["mio marito", "mia moglie", "mio padre"]))).T(" ").P(L.Name, Name(g)).T(" e io, ").P(L.Name, Name(g)).T(", chiediamo il contributo per l'affitto.").Build(),
        g => B("surname title").T("Il dott. ").P(L.Name, g.Pick(ListedSurname)).T(" ha firmato l'autorizzazione, ma l'ufficio dice che non è arrivata.").Build(),
        g => B("full record").T("Richiesta di ").P(L.Name, Name(g)).T(" (CF ").P(L.FiscalCode, g.FiscalCode()).T("), tel. ").P(L.Phone, g.Landline()).T(", e-mail ").P(L.Email, Email(g)).T(": contestazione verbale.").Build(),
        g => B("utente").T("L'utente ").P(L.Name, $"{g.Pick(SyntheticFirst)} {g.Pick(ListedSurname)}").T(" segnala che il modulo online non accetta allegati PDF.").Build(),
        g => B("fault+caller").T("Buca profonda in via Roma all'altezza del civico 10. Segnala ").P(L.Name, Name(g)).T(", cell. ").P(L.Phone, g.Mobile()).T(".").Build(),
    ];

    private static string Capitalise(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private static Func<PiiGenerators, LabelledText>[] NegativeTemplates() =>
    [
        g => B("neg protocol").T($"Rif. prot. n. {g.Random.Next(10000, 99999)}/2026 del 12 marzo 2026: la pratica è in istruttoria presso l'ufficio tecnico.").Build(),
        g => B("neg ticket").T($"Il ticket LA-7K3M-9QXA è stato chiuso; riaperto come LA-{g.Random.Next(1000, 9999)}-QX{g.Random.Next(10, 99)} per competenza del settore ambiente.").Build(),
        g => B("neg amount").T($"Importo dovuto € {g.Random.Next(1, 9)}.{g.Random.Next(100, 999)},{g.Random.Next(10, 99)} entro il 31 maggio 2026, come da art. 3 comma 2 del regolamento TARI.").Build(),
        g => B("neg istat").T($"Comune con codice ISTAT 0{g.Random.Next(10000, 99999)}, CAP 00{g.Random.Next(100, 199)}: dati aggiornati al 1 gennaio 2026.").Build(),
        g => B("neg fault").T("Buca in via Roma all'altezza del civico 10, pericolosa per i motorini. Segnalata anche ieri sera.").Build(),
        g => B("neg lamp").T("Lampione spento in piazza Garibaldi da tre giorni, la sera la zona è completamente al buio.").Build(),
        g => B("neg named street").T($"Perdita d'acqua in via Giuseppe Verdi {g.Random.Next(1, 80)}, davanti alla scuola Gianni Rodari: la strada è allagata.").Build(),
        g => B("neg green number").T($"Ho chiamato il numero verde 800 {g.Random.Next(100, 999)} {g.Random.Next(100, 999)} ma nessuno risponde da giorni.").Build(),
        g => B("neg switchboard").T($"Il centralino del comune 06 {g.Random.Next(1000, 9999)} {g.Random.Next(1000, 9999)} mi ha passato l'ufficio anagrafe, poi è caduta la linea.").Build(),
        g => B("neg words").T("Il muro del parco è stato dipinto di rosa e la giornata era serena, con il sole: il vino bianco alla festa era ottimo.").Build(),
        g => B("neg event date").T($"L'evento si terrà il {g.Random.Next(1, 28)} aprile 2026 alle ore 10:30 nella sala consiliare; ingresso libero fino a esaurimento posti.").Build(),
        g => B("neg article").T("Ai sensi dell'art. 14 comma 3 della legge 241/1990 e del D.Lgs. 33/2013 la richiesta è stata accolta.").Build(),
        g => B("neg dates").T($"Chiusura dell'ufficio dal 0{g.Random.Next(1, 9)}/0{g.Random.Next(1, 9)}/2026 al 1{g.Random.Next(0, 9)}/0{g.Random.Next(1, 9)}/2026 per lavori di manutenzione straordinaria.").Build(),
        g => B("neg places").T("Traffico deviato in corso Vittorio Emanuele e in viale Giuseppe Mazzini; chiuso il parcheggio dell'ospedale Sant'Anna e della Santa Maria Novella.").Build(),
        g => B("neg institutions").T("La Polizia Locale e il Comune di Bologna hanno risposto; La Giunta ha approvato il piano, Lo Stato non ha ancora trasferito i fondi.").Build(),
        g => B("neg invalid vat").T($"Codice utente {g.InvalidVatNumber()} del contratto di fornitura; numero fattura {g.Random.Next(100000, 999999)}.").Build(),
        g => B("neg invalid 11").T($"Numero di riferimento {g.InvalidVatNumber()} riportato sull'avviso di pagamento PagoPA.").Build(),
        g => B("neg near home").T("Abito qui vicino e c'è una buca in via Roma all'altezza del civico 10 da un mese.").Build(),
        g => B("neg pratica").T($"La pratica numero 0{g.Random.Next(100000000, 999999999)} risulta ancora aperta presso lo sportello unico edilizia.").Build(),
        g => B("neg office email").T("Per informazioni scrivere all'ufficio relazioni con il pubblico, orario 9-13, dal lunedì al venerdì; TARI 2026 rata unica.").Build(),
        g => B("neg sentence start").T("Bianco e sporco il marciapiede. Rosa la facciata. Franco il giudizio dei tecnici sul cantiere di piazza Dante.").Build(),
    ];
}
