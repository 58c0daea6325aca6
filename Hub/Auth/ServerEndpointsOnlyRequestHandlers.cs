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

    public override async Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync()
    {
        var schemes = await base.GetRequestHandlerSchemesAsync();
        if (accessor.HttpContext is not { } context || IsServerEndpoint(context.Request.Path))
        {
            return schemes;
        }

        return schemes.Where(scheme => scheme.Name != OpenIddictServerAspNetCoreDefaults.AuthenticationScheme).ToArray();
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
}
