using System.Collections.Immutable;
using System.Security.Claims;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Auth;
using LineaHub.Schemas.Nodes;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using OAuthErrors = OpenIddict.Abstractions.OpenIddictConstants.Errors;

namespace LineaHub.Hub.Auth;

/// <summary>
/// The token endpoint. OpenIddict has already authenticated the client (assertion or secret) and
/// checked that it may use the grant and the scopes; this decides what goes in the token.
/// </summary>
public static class TokenApi
{
    public const string Path = "/connect/token";

    public static IEndpointRouteBuilder MapTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ExchangeAsync)
            .WithName("Token")
            .WithSummary("Exchanges client credentials (private_key_jwt for nodes) for an access token.")
            .WithTags("Auth")
            .DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ExchangeAsync(
        HttpContext context,
        IOpenIddictApplicationManager applications,
        HubDbContext db,
        CancellationToken cancellationToken)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict request cannot be retrieved.");
        if (!request.IsClientCredentialsGrantType() || string.IsNullOrEmpty(request.ClientId))
        {
            return Refuse(OAuthErrors.UnsupportedGrantType, "Only the client_credentials grant is supported.");
        }

        var application = await applications.FindByClientIdAsync(request.ClientId, cancellationToken);
        if (application is null)
        {
            return Refuse(OAuthErrors.InvalidClient, "Unknown client.");
        }

        var node = await db.Nodes.AsNoTracking().SingleOrDefaultAsync(n => n.ClientId == request.ClientId, cancellationToken);
        if (node is not null && node.Status != NodeStates.Active)
        {
            return Refuse(OAuthErrors.InvalidClient, "The node is suspended: ask the network administrator.");
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, request.ClientId);
        identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application, cancellationToken) ?? request.ClientId);
        if (node is not null)
        {
            identity.SetClaim(HubClaims.NodeId, node.Id.ToString());
        }

        var scopes = request.GetScopes();
        if (scopes.IsEmpty)
        {
            // No scope asked: everything the client is permitted.
            var permissions = await applications.GetPermissionsAsync(application, cancellationToken);
            scopes = [.. permissions
                .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
                .Select(p => p[Permissions.Prefixes.Scope.Length..])];
        }

        identity.SetScopes(scopes);
        identity.SetResources(ImmutableArray.Create(HubScopes.HubResource));
        identity.SetDestinations(static _ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
