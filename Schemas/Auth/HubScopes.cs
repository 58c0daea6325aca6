namespace LineaHub.Schemas.Auth;

/// <summary>OAuth scopes of the hub, one per capability.</summary>
public static class HubScopes
{
    /// <summary>What every joined node gets: capacity reports, its own records.</summary>
    public const string Node = "network.node";

    /// <summary>Network administration: node registry, taxonomy, moderation.</summary>
    public const string Admin = "hub.admin";

    /// <summary>Trend queries across entities (analysts); results are aggregated and small cells suppressed.</summary>
    public const string Analytics = "analytics.read";

    /// <summary>Network FAQ editor: approves network-wide entries, changes any entry, keeps the synonym list.
    /// Granted to a node's client by the administrator; the node asks for it alongside <see cref="Node"/>.</summary>
    public const string FaqEditor = "faq.editor";

    /// <summary>The resource (audience) of access tokens the hub issues for itself.</summary>
    public const string HubResource = "lineahub";
}
