namespace LineaHub.Schemas.Geography;

/// <summary>The twenty Italian regions with their ISTAT codes.</summary>
public static class ItalianRegions
{
    /// <summary>ISTAT region code (two digits) to region name.</summary>
    public static IReadOnlyDictionary<string, string> ByCode { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["01"] = "Piemonte",
        ["02"] = "Valle d'Aosta/Vallée d'Aoste",
        ["03"] = "Lombardia",
        ["04"] = "Trentino-Alto Adige/Südtirol",
        ["05"] = "Veneto",
        ["06"] = "Friuli-Venezia Giulia",
        ["07"] = "Liguria",
        ["08"] = "Emilia-Romagna",
        ["09"] = "Toscana",
        ["10"] = "Umbria",
        ["11"] = "Marche",
        ["12"] = "Lazio",
        ["13"] = "Abruzzo",
        ["14"] = "Molise",
        ["15"] = "Campania",
        ["16"] = "Puglia",
        ["17"] = "Basilicata",
        ["18"] = "Calabria",
        ["19"] = "Sicilia",
        ["20"] = "Sardegna",
    };

    /// <summary>True when <paramref name="code"/> is an ISTAT region code.</summary>
    public static bool IsRegion(string code) => ByCode.ContainsKey(code);
}
