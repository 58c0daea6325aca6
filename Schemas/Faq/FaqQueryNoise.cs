namespace LineaHub.Schemas.Faq;

/// <summary>
/// Words that frame a request rather than say what it is about ("il cittadino chiede cosa deve fare per…").
/// Not Lucene stop words, so entries keep them; dropped from queries only, because in an operator's long
/// description they outweigh the one word that matters (they are frequent in questions, the heaviest field).
/// </summary>
public static class FaqQueryNoise
{
    /// <summary>The words, as typed; analysed like the query before use.</summary>
    public static IReadOnlyList<string> Words { get; } =
    [
        "cosa", "fare", "devo", "deve", "devono", "posso", "può", "possono", "vuole", "vogliono", "voglio",
        "vorrei", "vorrebbe", "sapere", "chiede", "chiedono", "chiedere", "dice", "riferisce", "cittadino",
        "cittadina", "cittadini", "signora", "signore", "utente", "buongiorno", "salve", "grazie", "informazioni",
    ];
}
