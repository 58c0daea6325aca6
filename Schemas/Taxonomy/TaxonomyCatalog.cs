namespace LineaHub.Schemas.Taxonomy;

/// <summary>
/// The published versions of the uniform classification. A version is never edited once published:
/// a change means a new version, so that every stored record keeps the meaning it was filed with.
/// </summary>
public static class TaxonomyCatalog
{
    /// <summary>The version new records use.</summary>
    public static Taxonomy Current { get; } = Version2026_1();

    /// <summary>Every published version, oldest first.</summary>
    public static IReadOnlyList<Taxonomy> Versions { get; } = [Current];

    /// <summary>The taxonomy with this version label, or null when unknown.</summary>
    public static Taxonomy? Find(string version) =>
        Versions.FirstOrDefault(t => string.Equals(t.Version, version, StringComparison.Ordinal));

    private static TaxonomyCategory C(string code, string label, params TaxonomyCategory[] children) =>
        new(code, label, children);

    private static Taxonomy Version2026_1() => new(
        version: "2026.1",
        categories:
        [
            C("anagrafe", "Anagrafe",
                C("anagrafe.residenza", "Residenza e cambio di indirizzo"),
                C("anagrafe.certificati", "Certificati anagrafici"),
                C("anagrafe.carta-identita", "Carta d'identità elettronica"),
                C("anagrafe.aire", "Italiani residenti all'estero (AIRE)")),
            C("stato-civile", "Stato civile",
                C("stato-civile.nascita", "Nascita e riconoscimento"),
                C("stato-civile.matrimonio", "Matrimonio e unioni civili"),
                C("stato-civile.morte", "Decesso e servizi cimiteriali"),
                C("stato-civile.cittadinanza", "Cittadinanza")),
            C("tributi", "Tributi locali",
                C("tributi.imu", "IMU"),
                C("tributi.tari", "TARI - tassa sui rifiuti"),
                C("tributi.canone-unico", "Canone unico patrimoniale"),
                C("tributi.accertamenti", "Accertamenti e rimborsi")),
            C("ambiente-rifiuti", "Ambiente e rifiuti",
                C("ambiente-rifiuti.raccolta", "Raccolta differenziata e ritiro ingombranti"),
                C("ambiente-rifiuti.abbandono", "Abbandono di rifiuti"),
                C("ambiente-rifiuti.verde", "Verde pubblico"),
                C("ambiente-rifiuti.inquinamento", "Inquinamento acustico e atmosferico")),
            C("viabilita-trasporti", "Viabilità e trasporti",
                C("viabilita-trasporti.strade", "Strade e segnaletica"),
                C("viabilita-trasporti.trasporto-pubblico", "Trasporto pubblico locale"),
                C("viabilita-trasporti.ztl-permessi", "ZTL, permessi e contrassegni"),
                C("viabilita-trasporti.parcheggi", "Parcheggi")),
            C("lavori-pubblici", "Lavori pubblici e manutenzione",
                C("lavori-pubblici.illuminazione", "Illuminazione pubblica"),
                C("lavori-pubblici.edifici", "Edifici pubblici"),
                C("lavori-pubblici.acqua-fognature", "Acquedotto e fognature"),
                C("lavori-pubblici.cantieri", "Cantieri e lavori in corso")),
            C("scuola", "Scuola e istruzione",
                C("scuola.iscrizioni", "Iscrizioni e nidi"),
                C("scuola.mensa", "Mensa scolastica"),
                C("scuola.trasporto", "Trasporto scolastico"),
                C("scuola.diritto-studio", "Diritto allo studio e borse")),
            C("servizi-sociali", "Servizi sociali",
                C("servizi-sociali.contributi", "Contributi e sostegno al reddito"),
                C("servizi-sociali.anziani-disabili", "Anziani e persone con disabilità"),
                C("servizi-sociali.minori-famiglie", "Minori e famiglie"),
                C("servizi-sociali.casa", "Edilizia residenziale pubblica")),
            C("edilizia-urbanistica", "Edilizia e urbanistica",
                C("edilizia-urbanistica.titoli", "Permessi di costruire, SCIA e CILA"),
                C("edilizia-urbanistica.condono", "Condono e sanatorie"),
                C("edilizia-urbanistica.piani", "Piani urbanistici")),
            C("attivita-produttive", "Attività produttive e SUAP",
                C("attivita-produttive.suap", "Sportello unico attività produttive"),
                C("attivita-produttive.commercio", "Commercio e mercati"),
                C("attivita-produttive.agricoltura", "Agricoltura")),
            C("polizia-locale", "Polizia locale",
                C("polizia-locale.sanzioni", "Verbali e sanzioni"),
                C("polizia-locale.sicurezza", "Sicurezza urbana"),
                C("polizia-locale.incidenti", "Incidenti stradali")),
            C("protezione-civile", "Protezione civile",
                C("protezione-civile.emergenze", "Emergenze e allerte"),
                C("protezione-civile.danni", "Danni e ristori")),
            C("sanita", "Sanità",
                C("sanita.prenotazioni", "Prenotazioni e CUP"),
                C("sanita.esenzioni", "Esenzioni ticket"),
                C("sanita.medico", "Scelta del medico")),
            C("previdenza-lavoro", "Previdenza e lavoro",
                C("previdenza-lavoro.pensioni", "Pensioni"),
                C("previdenza-lavoro.impiego", "Centri per l'impiego"),
                C("previdenza-lavoro.ammortizzatori", "Ammortizzatori sociali")),
            C("fisco", "Fisco",
                C("fisco.dichiarazioni", "Dichiarazioni e versamenti"),
                C("fisco.bollo-auto", "Tassa automobilistica"),
                C("fisco.cartelle", "Cartelle e riscossione")),
            C("elettorale", "Servizi elettorali",
                C("elettorale.tessera", "Tessera elettorale"),
                C("elettorale.liste", "Liste elettorali e scrutatori")),
            C("cultura-turismo", "Cultura, sport e turismo",
                C("cultura-turismo.eventi", "Eventi e manifestazioni"),
                C("cultura-turismo.biblioteche", "Biblioteche e musei"),
                C("cultura-turismo.impianti", "Impianti sportivi")),
            C("trasparenza", "Trasparenza e accesso agli atti",
                C("trasparenza.accesso", "Accesso agli atti e accesso civico"),
                C("trasparenza.privacy", "Protezione dei dati personali")),
            C("urp", "Rapporti con l'URP",
                C("urp.orari", "Orari e sedi degli uffici"),
                C("urp.reclami-servizio", "Qualità del servizio")),
        ],
        channels:
        [
            new("telefono", "Telefono"),
            new("email", "Posta elettronica"),
            new("pec", "Posta elettronica certificata"),
            new("web", "Sito web e modulo online"),
            new("app", "App"),
            new("sportello", "Sportello"),
        ],
        requestTypes:
        [
            new("informazione", "Richiesta di informazioni"),
            new("segnalazione", "Segnalazione"),
            new("reclamo", "Reclamo"),
            new("suggerimento", "Suggerimento"),
            new("elogio", "Elogio"),
        ],
        outcomes:
        [
            new("risolto", "Risolto al primo contatto"),
            new("risolto-dopo-verifica", "Risolto dopo verifica"),
            new("inoltrato", "Inoltrato all'ufficio competente"),
            new("non-di-competenza", "Non di competenza dell'ente"),
            new("abbandonato", "Abbandonato dal cittadino"),
        ]);
}
