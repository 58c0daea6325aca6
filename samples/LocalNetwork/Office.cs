using LineaHub.Schemas.Nodes;

namespace LineaHub.Samples.LocalNetwork;

/// <summary>A real Italian office of the demo network, with its ISTAT code.</summary>
public sealed record Office(string Slug, string Name, string Kind, string Code, string RegionCode, IReadOnlyList<string> Competences, int Operators)
{
    public static IReadOnlyList<Office> Abruzzo { get; } =
    [
        new("regione-abruzzo", "URP Regione Abruzzo", NodeKinds.Regione, "13", "13", ["sanita", "fisco.bollo-auto", "protezione-civile", "previdenza-lavoro"], 6),
        new("comune-laquila", "URP Comune di L'Aquila", NodeKinds.Comune, "066049", "13", ["anagrafe", "stato-civile", "tributi", "ambiente-rifiuti", "viabilita-trasporti"], 4),
        new("comune-celano", "URP Comune di Celano", NodeKinds.Comune, "066032", "13", ["anagrafe", "tributi", "ambiente-rifiuti", "servizi-sociali"], 2),
    ];

    public CreateNodeRequest ToRequest() => new(
        Name,
        Kind,
        Code,
        RegionCode,
        Competences,
        ["it"],
        [.. Enumerable.Range(1, 5).Select(day => new OpeningHours(day, "08:30", "13:30")), new OpeningHours(2, "15:00", "17:00"), new OpeningHours(4, "15:00", "17:00")]);
}
