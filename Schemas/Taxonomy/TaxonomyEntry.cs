namespace LineaHub.Schemas.Taxonomy;

/// <summary>A coded value of the uniform classification: a stable code and its Italian label.</summary>
/// <param name="Code">Stable code, lower case, never reused for another meaning.</param>
/// <param name="Label">Italian label shown to people.</param>
public sealed record TaxonomyEntry(string Code, string Label);
