namespace LineaHub.Schemas.Taxonomy;

/// <summary>
/// A category of the uniform classification. Top-level categories have subcategories whose
/// codes are prefixed by the parent code and a dot (<c>tributi.tari</c>).
/// </summary>
/// <param name="Code">Stable code.</param>
/// <param name="Label">Italian label.</param>
/// <param name="Subcategories">Children; empty for a leaf.</param>
public sealed record TaxonomyCategory(string Code, string Label, IReadOnlyList<TaxonomyCategory> Subcategories)
{
    /// <summary>A leaf category.</summary>
    public TaxonomyCategory(string code, string label) : this(code, label, []) { }
}
