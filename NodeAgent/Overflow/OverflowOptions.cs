using System.ComponentModel.DataAnnotations;
using LineaHub.Schemas.Taxonomy;

namespace LineaHub.NodeAgent.Overflow;

/// <summary>When the agent hands the office's own tickets to the network, and how it answers offers from it.</summary>
public sealed class OverflowOptions : IValidatableObject
{
    public const string Section = "Overflow";

    /// <summary>Offer the office's open tickets automatically when the office is too busy; off: only by hand.</summary>
    public bool AutoOffer { get; set; } = true;

    /// <summary>
    /// Offer when the expected wait of a new request — (queue + 1) × average handling ÷ operators online — is
    /// longer than this. The default is above one average handling time (300 s), so an office that is merely
    /// busy keeps its tickets and one that has a real queue hands some over.
    /// </summary>
    [Range(0, 86_400)]
    public int ThresholdSeconds { get; set; } = 600;

    /// <summary>Categories never offered; a category opts out its subcategories too (<c>anagrafe</c> covers <c>anagrafe.residenza</c>).</summary>
    public IList<string> OptOutCategories { get; } = [];

    /// <summary>At most this many tickets offered in any rolling minute, by policy and by hand together; 0 stops automatic offers.</summary>
    [Range(0, 1000)]
    public int MaxOffersPerMinute { get; set; } = 6;

    /// <summary>
    /// Answer offers from other offices automatically: accept while this office is open, accepting overflow and
    /// below its own threshold; decline otherwise. Off (the default): an operator accepts or declines.
    /// </summary>
    public bool AutoAccept { get; set; }

    /// <summary>How often the policy looks at the queue.</summary>
    [Range(1, 3600)]
    public int EvaluateIntervalSeconds { get; set; } = 5;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A misspelt opt-out would silently hand over tickets the office meant to keep.
        foreach (var category in OptOutCategories.Where(c => !TaxonomyCatalog.Current.IsCategory(c)))
        {
            yield return new ValidationResult(
                $"'{category}' non è una categoria della tassonomia {TaxonomyCatalog.Current.Version}.", [nameof(OptOutCategories)]);
        }
    }
}
