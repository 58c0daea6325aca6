using System.ComponentModel.DataAnnotations;

namespace LineaHub.Hub.Analytics;

public sealed class AnalyticsOptions
{
    public const string Section = "Analytics";

    /// <summary>
    /// Cells of a view across entities counting fewer contacts than this are suppressed (count withheld), so that no
    /// answer singles out a contact. A node's view of its own entity is never suppressed.
    /// </summary>
    [Range(2, 1000)]
    public int MinimumCellCount { get; set; } = 5;

    /// <summary>Longest range one query may cover, in days (five years).</summary>
    [Range(1, 3660)]
    public int MaxRangeDays { get; set; } = 1830;

    /// <summary>
    /// Longest range of an hourly trend, in days. Rollups keep days, so hours are counted on the raw records: a month
    /// is a bounded scan of the index on the closing time, a year would not be.
    /// </summary>
    [Range(1, 92)]
    public int MaxHourRangeDays { get; set; } = 31;

    /// <summary>Most values one filter may list.</summary>
    [Range(1, 1000)]
    public int MaxFilterValues { get; set; } = 100;

    /// <summary>Most categories a top-categories query returns.</summary>
    [Range(1, 500)]
    public int MaxTopCategories { get; set; } = 50;

    /// <summary>
    /// Deepest GraphQL selection accepted. The schema itself is four levels deep; the margin lets tools run the
    /// standard introspection query (about a dozen levels of <c>ofType</c>).
    /// </summary>
    [Range(2, 50)]
    public int GraphQLMaxDepth { get; set; } = 15;

    /// <summary>
    /// Highest complexity of a GraphQL document (graphql-dotnet's analyzer: a field costs 1 and a list multiplies its
    /// children by 20). A full trends selection costs about 2,000, so this admits a few queries per document and
    /// refuses a document of many aliased copies, each of which would be a database query.
    /// </summary>
    [Range(10, 1_000_000)]
    public int GraphQLMaxComplexity { get; set; } = 10_000;
}
