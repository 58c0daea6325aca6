namespace LineaHub.Hub.Analytics.GraphQL;

/// <summary>The GraphQL <c>filter</c> argument: values each dimension must take (any of them).</summary>
public sealed class AnalyticsFilterInput
{
    public List<string>? Category { get; set; }

    public List<string>? Entity { get; set; }

    public List<string>? Region { get; set; }

    public List<string>? Channel { get; set; }

    public List<string>? RequestType { get; set; }

    public List<string>? Outcome { get; set; }

    public List<string>? Area { get; set; }
}
