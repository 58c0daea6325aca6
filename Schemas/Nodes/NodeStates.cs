namespace LineaHub.Schemas.Nodes;

/// <summary>
/// Where a node stands. <see cref="Pending"/>, <see cref="Active"/> and <see cref="Suspended"/> are
/// stored; <see cref="Stale"/> is derived: an active node whose capacity reports stopped arriving.
/// </summary>
public static class NodeStates
{
    /// <summary>Created by an administrator, not yet joined.</summary>
    public const string Pending = "pending";

    /// <summary>Joined and allowed to get tokens.</summary>
    public const string Active = "active";

    /// <summary>Active, but no capacity report within three report intervals.</summary>
    public const string Stale = "stale";

    /// <summary>Barred by an administrator: no tokens, no calls.</summary>
    public const string Suspended = "suspended";
}
