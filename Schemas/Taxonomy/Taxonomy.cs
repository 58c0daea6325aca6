namespace LineaHub.Schemas.Taxonomy;

/// <summary>
/// One version of the uniform classification every contact, ticket and archive record uses.
/// Records carry <see cref="Version"/> so that old records keep their meaning when the taxonomy changes.
/// </summary>
public sealed class Taxonomy
{
    private readonly Dictionary<string, TaxonomyCategory> _categoriesByCode;
    private readonly HashSet<string> _channels;
    private readonly HashSet<string> _requestTypes;
    private readonly HashSet<string> _outcomes;

    /// <summary>Builds a taxonomy version; codes must be unique within each list.</summary>
    public Taxonomy(
        string version,
        IReadOnlyList<TaxonomyCategory> categories,
        IReadOnlyList<TaxonomyEntry> channels,
        IReadOnlyList<TaxonomyEntry> requestTypes,
        IReadOnlyList<TaxonomyEntry> outcomes)
    {
        Version = version;
        Categories = categories;
        Channels = channels;
        RequestTypes = requestTypes;
        Outcomes = outcomes;
        _categoriesByCode = Flatten(categories).ToDictionary(c => c.Code, StringComparer.Ordinal);
        _channels = channels.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        _requestTypes = requestTypes.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        _outcomes = outcomes.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Version label, e.g. <c>2026.1</c>.</summary>
    public string Version { get; }

    /// <summary>The category tree.</summary>
    public IReadOnlyList<TaxonomyCategory> Categories { get; }

    /// <summary>Contact channels (telefono, email, pec, …).</summary>
    public IReadOnlyList<TaxonomyEntry> Channels { get; }

    /// <summary>Request types (informazione, segnalazione, …).</summary>
    public IReadOnlyList<TaxonomyEntry> RequestTypes { get; }

    /// <summary>Outcomes of a contact.</summary>
    public IReadOnlyList<TaxonomyEntry> Outcomes { get; }

    /// <summary>Every category code, top level and subcategories.</summary>
    public IEnumerable<string> CategoryCodes => _categoriesByCode.Keys;

    /// <summary>True when <paramref name="code"/> names a category or subcategory of this version.</summary>
    public bool IsCategory(string code) => _categoriesByCode.ContainsKey(code);

    /// <summary>True when <paramref name="code"/> names a channel of this version.</summary>
    public bool IsChannel(string code) => _channels.Contains(code);

    /// <summary>True when <paramref name="code"/> names a request type of this version.</summary>
    public bool IsRequestType(string code) => _requestTypes.Contains(code);

    /// <summary>True when <paramref name="code"/> names an outcome of this version.</summary>
    public bool IsOutcome(string code) => _outcomes.Contains(code);

    /// <summary>The category with this code, or null.</summary>
    public TaxonomyCategory? FindCategory(string code) => _categoriesByCode.GetValueOrDefault(code);

    /// <summary>
    /// True when a node competent for <paramref name="competence"/> can answer <paramref name="category"/>:
    /// the same code, or a parent of it.
    /// </summary>
    public static bool Covers(string competence, string category) =>
        string.Equals(competence, category, StringComparison.Ordinal)
        || category.StartsWith(competence + ".", StringComparison.Ordinal);

    private static IEnumerable<TaxonomyCategory> Flatten(IEnumerable<TaxonomyCategory> categories)
    {
        foreach (var category in categories)
        {
            yield return category;
            foreach (var child in Flatten(category.Subcategories))
            {
                yield return child;
            }
        }
    }
}
