namespace LineaHub.Schemas.Faq;

/// <summary>
/// The editable synonym list of the FAQ, mapping everyday words and abbreviations to the words offices write.
/// Text format, one rule a line (<c>#</c> starts a comment):
/// <code>
/// spazzatura => rifiuti, raccolta
/// cie, carta d'identità elettronica
/// </code>
/// <c>a => b, c</c> is one-way (a query with "a" also finds "b" and "c"); <c>a, b, c</c> makes the words
/// equivalent (each finds the others). Synonyms are expanded at query time, so a new list takes effect
/// without rebuilding the index.
/// </summary>
public sealed class FaqSynonyms
{
    private FaqSynonyms(IReadOnlyList<FaqSynonymRule> rules) => Rules = rules;

    /// <summary>The rules, equivalence lines already expanded into one-way rules.</summary>
    public IReadOnlyList<FaqSynonymRule> Rules { get; }

    /// <summary>No synonyms.</summary>
    public static FaqSynonyms Empty { get; } = new([]);

    /// <summary>The starting set shipped with LineaHub (<see cref="DefaultText"/>).</summary>
    public static FaqSynonyms Default { get; } = Parse(DefaultText);

    /// <summary>Reads the text format; throws <see cref="FormatException"/> naming the line (Italian message).</summary>
    public static FaqSynonyms Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = new List<FaqSynonymRule>();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var hash = rawLine.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? rawLine[..hash] : rawLine).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            if (arrow >= 0)
            {
                var left = SplitList(line[..arrow]);
                var right = SplitList(line[(arrow + 2)..]);
                if (left.Count == 0 || right.Count == 0 || right.Any(r => r.Contains("=>", StringComparison.Ordinal)))
                {
                    throw new FormatException(
                        $"Riga {lineNumber} dei sinonimi non valida: scrivere \"parola => sinonimo1, sinonimo2\".");
                }

                foreach (var phrase in left)
                {
                    rules.Add(new FaqSynonymRule(phrase, right));
                }
            }
            else
            {
                var group = SplitList(line);
                if (group.Count < 2)
                {
                    throw new FormatException(
                        $"Riga {lineNumber} dei sinonimi non valida: servono almeno due parole separate da virgola, " +
                        "oppure \"parola => sinonimo\".");
                }

                foreach (var phrase in group)
                {
                    rules.Add(new FaqSynonymRule(phrase, group.Where(g => g != phrase).ToArray()));
                }
            }
        }

        return new FaqSynonyms(rules);
    }

    /// <summary>Writes the rules back in the text format (one one-way rule a line).</summary>
    public string ToText() =>
        string.Join('\n', Rules.Select(r => $"{r.Phrase} => {string.Join(", ", r.Synonyms)}"));

    private static List<string> SplitList(string part) =>
        part.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The starting set: everyday words, abbreviations and common misnomers mapped to the words Italian
    /// public offices write. General-purpose on purpose: each line should help many entries, not one query.
    /// </summary>
    public const string DefaultText = """
        # Abbreviazioni (equivalenti: l'una trova l'altra)
        cie, carta d'identità elettronica
        isee, indicatore della situazione economica equivalente
        scia, segnalazione certificata di inizio attività
        cila, comunicazione di inizio lavori asseverata
        ztl, zona a traffico limitato
        tari, tassa sui rifiuti
        imu, imposta municipale propria
        suap, sportello unico per le attività produttive
        sue, sportello unico per l'edilizia
        urp, ufficio relazioni con il pubblico
        aire, anagrafe degli italiani residenti all'estero
        cup, centro unico di prenotazione
        pec, posta elettronica certificata
        spid, identità digitale
        tpl, trasporto pubblico locale
        naspi, indennità di disoccupazione
        rdc, reddito di cittadinanza
        adi, assegno di inclusione
        cud, certificazione unica
        asl, azienda sanitaria locale
        ss, servizi sociali
        pm, polizia municipale
        pl, polizia locale
        vvuu, vigili urbani
        polizia municipale, polizia locale, vigili urbani
        cf, codice fiscale
        # Parole di tutti i giorni => parole degli uffici
        spazzatura => rifiuti, raccolta
        immondizia => rifiuti, raccolta
        monnezza => rifiuti
        pattumiera => contenitori, rifiuti
        bidone => contenitori, cassonetto
        bidoni => contenitori, cassonetti
        mobili vecchi => ingombranti
        materasso => ingombranti
        divano => ingombranti
        frigorifero => raee, ingombranti
        elettrodomestici => raee
        multa => verbale, contravvenzione, sanzione
        multe => verbali, contravvenzioni, sanzioni
        vigili => polizia locale
        vigile => polizia locale
        lampione => illuminazione pubblica
        lampioni => illuminazione pubblica
        luce della strada => illuminazione pubblica
        buca => manto stradale, dissesto
        buche => manto stradale, dissesto
        trasloco => cambio di residenza, cambio di indirizzo
        traslocare => cambio di residenza
        cambio casa => cambio di residenza
        cambiare casa => cambio di residenza
        carta d'identità => cie
        documento => carta d'identità
        passaporto => documento di viaggio
        bollo => tassa automobilistica
        bollo auto => tassa automobilistica
        macchina => veicolo, autoveicolo
        auto => veicolo, autoveicolo
        macchine => veicoli
        permesso => autorizzazione, contrassegno
        pass => permesso, contrassegno
        contrassegno disabili => contrassegno invalidi
        parcheggio disabili => contrassegno invalidi
        strisce blu => sosta a pagamento
        mensa => refezione scolastica
        scuolabus => trasporto scolastico
        pulmino => trasporto scolastico
        asilo => nido, scuola dell'infanzia
        asilo nido => nido d'infanzia
        retta => tariffa, quota
        soldi => contributo, rimborso
        aiuto => contributo, sostegno
        bonus => contributo, agevolazione
        sussidio => contributo, sostegno economico
        affitto => locazione, canone
        casa popolare => edilizia residenziale pubblica, alloggio popolare
        case popolari => edilizia residenziale pubblica, alloggi popolari
        badante => assistenza domiciliare
        anziano => anziani
        vecchi => anziani
        handicap => disabilità
        invalido => disabilità, invalidità
        dottore => medico
        medico di famiglia => medico di medicina generale
        cambiare medico => scelta del medico, revoca
        pediatra => pediatra di libera scelta
        esame => prestazione, visita
        esami => prestazioni
        visita medica => prestazione specialistica
        prenotare => prenotazione
        ticket sanitario => compartecipazione alla spesa
        esenzione => esenzione dal ticket
        ricetta => prescrizione, impegnativa
        tessera sanitaria => carta nazionale dei servizi
        lavori in casa => edilizia, intervento edilizio
        ristrutturazione => intervento edilizio, manutenzione straordinaria
        ristrutturare => intervento edilizio
        ampliamento => permesso di costruire
        abuso edilizio => condono, sanatoria
        aprire un negozio => avvio attività, commercio
        aprire un bar => somministrazione di alimenti e bevande
        negozio => esercizio commerciale, attività
        bancarella => commercio ambulante, posteggio
        mercatino => mercato, commercio su area pubblica
        tasse => tributi, imposte
        tassa => tributo, imposta
        pagare => pagamento, versamento
        scadenza => termine, rata
        rimborso => restituzione, sgravio
        cartella => cartella esattoriale, riscossione
        certificato => certificazione, autocertificazione
        stato di famiglia => certificato anagrafico
        matrimonio => nozze, unione civile
        sposarsi => matrimonio, pubblicazioni di matrimonio
        morto => decesso
        funerale => decesso, servizi cimiteriali
        cimitero => servizi cimiteriali, loculo
        neonato => nascita
        bambino appena nato => nascita
        votare => elezioni, tessera elettorale
        scheda elettorale => tessera elettorale
        scrutatore => albo degli scrutatori
        documenti del comune => accesso agli atti
        vedere gli atti => accesso agli atti
        pratica => procedimento, istanza
        domanda => istanza, richiesta
        reclamo => segnalazione
        lamentela => reclamo, segnalazione
        orari => orario di apertura
        sportello => ufficio
        bus => autobus, trasporto pubblico
        autobus => trasporto pubblico
        abbonamento => titolo di viaggio
        biglietto => titolo di viaggio
        treno => trasporto ferroviario
        acqua => servizio idrico, acquedotto
        fogna => fognatura
        albero => verde pubblico, alberature
        alberi => verde pubblico, alberature
        giardini => verde pubblico, parco
        rumore => inquinamento acustico
        cane => animali d'affezione, anagrafe canina
        microchip => anagrafe canina
        disoccupato => centro per l'impiego, stato di disoccupazione
        lavoro => impiego, occupazione
        pensione => trattamento pensionistico
        terremoto => sisma, protezione civile
        alluvione => allerta, protezione civile
        """;
}
