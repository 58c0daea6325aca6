using System.Security.Claims;
using OpenIddict.Abstractions;

namespace LineaHub.Hub.Auth;

/// <summary>Claims the hub puts in its access tokens beyond the standard ones.</summary>
public static class HubClaims
{
    /// <summary>The registry id of the calling node.</summary>
    public const string NodeId = "node_id";

    public static Guid? GetNodeId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.GetClaim(NodeId), out var id) ? id : null;
}
