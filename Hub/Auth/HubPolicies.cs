namespace LineaHub.Hub.Auth;

/// <summary>Authorization policy names, one per scope.</summary>
public static class HubPolicies
{
    public const string Node = "node";
    public const string Admin = "admin";

    /// <summary>Trend queries: scope analytics.read (across entities), or network.node (a node's own entity only).</summary>
    public const string Analytics = "analytics";

    /// <summary>Network FAQ editors: a node token that also carries faq.editor.</summary>
    public const string FaqEditor = "faq.editor";
}
