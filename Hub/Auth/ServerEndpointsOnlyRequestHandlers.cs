using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;

namespace LineaHub.Hub.Auth;

/// <summary>
/// Leaves OpenIddict's server handler out of a request that is not for one of its endpoints (the token endpoint
/// and the discovery documents); the other request-handling schemes, OpenIddict's validation among them, run as
/// before. Before, the server handler was built and run on every API call only to find that the call was not its
/// own: 4–5 % of the hub's CPU time for a FAQ search (docs/benchmarks.md).
/// </summary>
internal sealed class ServerEndpointsOnlyRequestHandlers(
    IOptions<AuthenticationOptions> options, IOptionsMonitor<OpenIddictServerOptions> server, IHttpContextAccessor accessor)
    : AuthenticationSchemeProvider(options)
{
    private PathString[]? _serverPaths;

    // The base provider's list and the same without the server's scheme, made again only when that list changes
    // (it returns the same instance until a scheme is added or removed); one object, so threads swap it whole.
    private Lists? _lists;

    public override async Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync()
    {
        var schemes = await base.GetRequestHandlerSchemesAsync();
        if (accessor.HttpContext is not { } context || IsServerEndpoint(context.Request.Path))
        {
            return schemes;
        }

        var lists = _lists;
        if (lists is null || !ReferenceEquals(lists.All, schemes))
        {
            lists = new Lists(schemes, [.. schemes.Where(scheme => scheme.Name != OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)]);
            _lists = lists;
        }

        return lists.WithoutServer;
    }

    private bool IsServerEndpoint(PathString path)
    {
        var paths = _serverPaths ??= ServerPaths(server.CurrentValue);
        foreach (var serverPath in paths)
        {
            if (path.StartsWithSegments(serverPath, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // Every endpoint the server was given, as the path it answers on (they are relative to the host here).
    private static PathString[] ServerPaths(OpenIddictServerOptions server) =>
        new[]
        {
            server.TokenEndpointUris, server.ConfigurationEndpointUris, server.JsonWebKeySetEndpointUris,
            server.AuthorizationEndpointUris, server.DeviceAuthorizationEndpointUris, server.EndSessionEndpointUris,
            server.EndUserVerificationEndpointUris, server.IntrospectionEndpointUris, server.PushedAuthorizationEndpointUris,
            server.RevocationEndpointUris, server.UserInfoEndpointUris,
        }
        .SelectMany(uris => uris)
        .Select(uri => new PathString("/" + (uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString).TrimStart('/')))
        .ToArray();

    private sealed record Lists(IEnumerable<AuthenticationScheme> All, AuthenticationScheme[] WithoutServer);
}
