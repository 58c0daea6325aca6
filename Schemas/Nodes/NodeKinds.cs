namespace LineaHub.Schemas.Nodes;

/// <summary>Kinds of member office, with the identifier each uses.</summary>
public static class NodeKinds
{
    /// <summary>A region: two-digit ISTAT region code.</summary>
    public const string Regione = "regione";

    /// <summary>A province or metropolitan city: three-digit ISTAT code.</summary>
    public const string Provincia = "provincia";

    /// <summary>A municipality: six-digit ISTAT code.</summary>
    public const string Comune = "comune";

    /// <summary>Any other public body: its IPA code.</summary>
    public const string Ente = "ente";

    /// <summary>All kinds.</summary>
    public static IReadOnlyList<string> All { get; } = [Regione, Provincia, Comune, Ente];
}
