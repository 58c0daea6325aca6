using System.Net;
using System.Net.Http.Headers;

namespace LineaHub.NodeAgent.Connection;

/// <summary>Puts the node's access token on every call to the hub; drops it when the hub says 401.</summary>
public sealed class HubAuthorizationHandler(HubTokenClient tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // The caller retries on its own schedule; the next attempt gets a fresh token.
            tokens.Invalidate();
        }

        return response;
    }
}
