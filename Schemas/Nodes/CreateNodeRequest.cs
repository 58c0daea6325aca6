namespace LineaHub.Schemas.Nodes;

/// <summary>An administrator registers a member office.</summary>
/// <param name="Name">Office name, e.g. "URP Comune di Celano".</param>
/// <param name="Kind">One of <see cref="NodeKinds"/>.</param>
/// <param name="Code">ISTAT code (regione, provincia, comune) or IPA code (ente).</param>
/// <param name="RegionCode">ISTAT code of the region the office is in.</param>
/// <param name="Competences">Taxonomy category codes the office can answer.</param>
/// <param name="Languages">ISO 639-1 codes of the languages its operators speak.</param>
/// <param name="OpeningHours">Weekly opening windows.</param>
public sealed record CreateNodeRequest(
    string? Name,
    string? Kind,
    string? Code,
    string? RegionCode,
    IReadOnlyList<string>? Competences,
    IReadOnlyList<string>? Languages,
    IReadOnlyList<OpeningHours>? OpeningHours);
