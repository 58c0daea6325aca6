namespace LineaHub.Schemas.Anonymisation;

/// <summary>
/// Small embedded lists of common Italian first names and surnames, written by hand. Words that are also ordinary
/// words ("Rosa", "Bianco", "Sole") sit in the ambiguous lists and count as names only with context.
/// </summary>
internal static class NameLists
{
    public static readonly HashSet<string> FirstNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mario", "Giuseppe", "Giovanni", "Antonio", "Luigi", "Francesco", "Angelo", "Vincenzo", "Pietro", "Salvatore",
        "Carlo", "Domenico", "Bruno", "Paolo", "Michele", "Giorgio", "Aldo", "Sergio", "Luciano", "Roberto",
        "Alessandro", "Andrea", "Marco", "Matteo", "Lorenzo", "Davide", "Simone", "Federico", "Riccardo", "Gabriele",
        "Stefano", "Luca", "Fabio", "Massimo", "Claudio", "Maurizio", "Enrico", "Alberto", "Giancarlo", "Gianni",
        "Emanuele", "Daniele", "Nicola", "Alessio", "Filippo", "Tommaso", "Edoardo", "Leonardo", "Mattia", "Diego",
        "Cristian", "Christian", "Samuele", "Jacopo", "Giacomo", "Raffaele", "Gennaro", "Ciro", "Carmine", "Pasquale",
        "Rocco", "Cosimo", "Ignazio", "Gaetano", "Umberto", "Vittorio", "Ettore", "Arturo", "Renato", "Silvio",
        "Walter", "Valerio", "Fabrizio", "Giuliano", "Adriano", "Emilio", "Ernesto", "Franco", "Gianluca", "Gianfranco",
        "Pierluigi", "Piero", "Dario", "Enzo", "Elio", "Ivan", "Mirko", "Nicolò", "Niccolò", "Manuel",
        "Ruggero", "Guido", "Ugo", "Osvaldo", "Ottavio", "Raimondo", "Rodolfo", "Sandro", "Tiziano", "Teodoro",
        "Maria", "Anna", "Giuseppina", "Rosa", "Angela", "Giovanna", "Teresa", "Lucia", "Carmela", "Caterina",
        "Francesca", "Antonella", "Paola", "Laura", "Elena", "Silvia", "Valentina", "Chiara", "Sara", "Giulia",
        "Martina", "Alessia", "Federica", "Elisa", "Roberta", "Barbara", "Monica", "Cristina", "Simona", "Daniela",
        "Patrizia", "Rita", "Franca", "Luisa", "Marisa", "Giorgia", "Sofia", "Aurora", "Alice", "Ginevra",
        "Beatrice", "Emma", "Greta", "Noemi", "Camilla", "Arianna", "Ilaria", "Michela", "Manuela", "Stefania",
        "Claudia", "Alessandra", "Marta", "Veronica", "Eleonora", "Benedetta", "Irene", "Gloria", "Nadia", "Sabrina",
        "Tiziana", "Loredana", "Lorena", "Raffaella", "Emanuela", "Annamaria", "Mariangela", "Carla", "Carolina", "Ornella",
        "Assunta", "Immacolata", "Concetta", "Nunzia", "Filomena", "Lina", "Pina", "Graziella", "Giuliana", "Marina",
        "Adele", "Agnese", "Bianca", "Cecilia", "Debora", "Erika", "Fabiola", "Gabriella", "Ida", "Jessica",
        "Letizia", "Lucrezia", "Margherita", "Mirella", "Nicoletta", "Ottavia", "Rebecca", "Rosalba", "Silvana", "Vanessa",
    };

    public static readonly HashSet<string> Surnames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
        "Bruno", "Gallo", "Conti", "Costa", "Giordano", "Mancini", "Rizzo", "Lombardi", "Moretti", "Barbieri",
        "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone", "Longo",
        "Gentile", "Martinelli", "Vitale", "Lombardo", "Serra", "Coppola", "Marchetti", "Parisi",
        "Villa", "Conte", "Ferraro", "Ferri", "Fabbri", "Bianco", "Marini", "Grasso", "Valentini", "Messina",
        "Sala", "Gatti", "Pellegrini", "Palumbo", "Sanna", "Farina", "Rizzi", "Monti", "Cattaneo",
        "Morelli", "Amato", "Silvestri", "Mazza", "Testa", "Grassi", "Pellegrino", "Carbone", "Giuliani", "Benedetti",
        "Barone", "Rossetti", "Caputo", "Montanari", "Guerra", "Palmieri", "Bernardi", "Martino", "Fiore",
        "Ferretti", "Bellini", "Basile", "Riva", "Donati", "Piras", "Vitali", "Battaglia", "Sartori", "Neri",
        "Costantini", "Milani", "Pagano", "Ruggiero", "Sorrentino", "Orlando", "Damico", "Negri", "Fumagalli",
        "Esposti", "Mele", "Cirillo", "Zanetti", "Zanella", "Bassi", "Pace", "Salvi", "Longhi", "Mancuso",
        "Marchi", "Sorrenti", "Melis", "Porcu", "Deiana", "Atzeni", "Mura", "Pinna", "Cocco", "Fadda",
        "Bertolini", "Bertoni", "Gatto", "Lupo", "Mariotti", "Olivieri", "Orsini", "Pastore", "Pirozzi", "Pozzi",
        "Raimondi", "Sartore", "Tedesco", "Valente", "Verdi", "Vitiello", "Zappa", "Zeni", "Bonetti", "Bonomi",
        "Brambilla", "Colombi", "Crippa", "Galbiati", "Mauri", "Magni", "Redaelli", "Sironi", "Villani", "Zanoni",
        "Cocchi", "Cozzi", "Ferrante", "Gallo", "Iannone", "Iovine", "Lanza", "Marra", "Nardi", "Napolitano",
        "Palma", "Perrone", "Puglisi", "Rizzuto", "Russo", "Scalia", "Spina", "Tomasi", "Trevisan", "Zanon",
        "Bortolotti", "Boscolo", "Carraro", "Favaro", "Furlan", "Pavan", "Pizzolato", "Scarpa", "Toffolo", "Zago",
        "Acquaviva", "Agostini", "Albanese", "Alberti", "Amodio", "Angeli", "Arena", "Baldi", "Bellucci", "Benini",
        "Calabrese", "Capuano", "Cardinale", "Caretti", "Catalano", "Cavallo", "Cesari", "Colonna", "Corsi", "Cristiani",
    };

    /// <summary>Words that are surnames only after a particle ("De Santis", "Dell'Acqua").</summary>
    public static readonly HashSet<string> CompoundSurnameBases = new(StringComparer.OrdinalIgnoreCase)
    {
        "Santis", "Angelis", "Acqua", "Stefano", "Maio", "Vito", "Luca", "Amico", "Angelo", "Rosa", "Pietro", "Marco",
        "Simone", "Paola", "Martino", "Filippo", "Benedetto", "Carlo", "Lorenzo", "Giorgio", "Biase", "Blasi", "Bella",
        "Russo", "Piccolo", "Monaco", "Valle", "Torre", "Sole", "Bianco", "Giacomo", "Nardo", "Leo", "Cicco", "Gregorio",
    };

    /// <summary>First names that are also ordinary Italian words; they need context to count.</summary>
    public static readonly HashSet<string> AmbiguousFirstNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Rosa", "Serena", "Sole", "Bianca", "Marina", "Gioia", "Fortunato", "Felice", "Santo", "Franco",
        "Angelo", "Vittoria", "Speranza", "Grazia", "Celeste", "Stella", "Viola", "Fiore", "Luce", "Primo",
        "Modesto", "Innocente", "Costante", "Aurora", "Margherita", "Gemma", "Bruno", "Pia", "Leone", "Natale",
    };

    /// <summary>Surnames that are also ordinary Italian words (colours, nationalities, things).</summary>
    public static readonly HashSet<string> AmbiguousSurnames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Bianco", "Sole", "Russo", "Greco", "Romano", "Ferrari", "Costa", "Fontana", "Conte", "Monti",
        "Villa", "Serra", "Valle", "Porta", "Sala", "Gentile", "Leone", "Marino", "Bruno", "Riva",
        "Pace", "Grasso", "Basso", "Testa", "Guerra", "Fiore", "Neri", "Lupo", "Gatto", "Palma",
        "Spina", "Arena", "Colonna", "Cavallo", "Martini", "Moretti", "Galli", "Tedesco", "Mele", "Rosa",
        "Bella", "Piazza", "Castello", "Forte", "Longo", "Mura", "Marra", "Cardinale", "Pastore", "Valente",
    };

    /// <summary>Capitalised words that are never part of a name (start of a place or institution, or office words).</summary>
    public static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Via", "Viale", "Piazza", "Piazzale", "Corso", "Largo", "Vicolo", "Strada", "Contrada", "Località",
        "Lungomare", "Borgo", "Vico", "Salita", "Traversa", "San", "Santa", "Santo", "Santi", "Sant", "Comune",
        "Ufficio", "Uffici", "Scuola", "Istituto", "Liceo", "Ospedale", "Parco", "Teatro", "Museo", "Biblioteca",
        "Stadio", "Ponte", "Palazzo", "Chiesa", "Basilica", "Fondazione", "Policlinico", "Polizia", "Municipio",
        "Regione", "Provincia", "Prefettura", "Questura", "Tribunale", "Asl", "Inps", "Agenzia", "Giardini", "Stazione",
        "Buongiorno", "Buonasera", "Salve", "Gentile", "Gentili", "Egregio", "Spett", "Grazie", "Cordiali", "Saluti",
        "Lunedì", "Martedì", "Mercoledì", "Giovedì", "Venerdì", "Sabato", "Domenica", "Gennaio", "Febbraio", "Marzo",
        "Aprile", "Maggio", "Giugno", "Luglio", "Agosto", "Settembre", "Ottobre", "Novembre", "Dicembre", "Roma",
        "Milano", "Napoli", "Torino", "Palermo", "Genova", "Bologna", "Firenze", "Bari", "Catania", "Venezia",
    };

    /// <summary>Words that, just before a run of capitalised words, make it a place or an institution.</summary>
    public static readonly HashSet<string> PlacePrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "via", "viale", "piazza", "piazzale", "corso", "largo", "vicolo", "strada", "contrada", "località",
        "lungomare", "borgo", "vico", "salita", "traversa", "san", "santa", "santo", "santi", "sant", "scuola",
        "istituto", "liceo", "ospedale", "parco", "teatro", "museo", "biblioteca", "stadio", "ponte", "palazzo",
        "chiesa", "basilica", "fondazione", "policlinico", "giardini", "stazione", "plesso", "asilo", "centro",
        "galleria", "porta", "quartiere", "rione", "frazione", "villa", "lungotevere", "circonvallazione", "passeggiata",
        "p", "v", "c", "le", "zza", "so",
    };

    /// <summary>Particles that start a compound surname ("De Luca", "Lo Russo"); the elided ones end with an apostrophe.</summary>
    public static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "De", "Di", "Del", "Della", "Degli", "Dei", "Delle", "Lo", "La", "Li", "Da", "Dal", "Dalla", "Dalle", "Dello",
    };

    public static readonly HashSet<string> ElidedParticles = new(StringComparer.OrdinalIgnoreCase)
    {
        "Dell", "D", "Dall", "De",
    };
}
