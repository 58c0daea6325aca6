namespace LineaHub.Hub.Auth;

/// <summary>Authorization policy names, one per scope.</summary>
public static class HubPolicies
{
    public const string Node = "node";
    public const string Admin = "admin";
}
