using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LineaHub.NodeAgent.Connection;
using LineaHub.NodeAgent.Join;
using LineaHub.Schemas.Auth;
using LineaHub.Schemas.Nodes;

namespace LineaHub.Testing.Load;

/// <summary>
/// Offices for the load harnesses, made as in production: registered through the admin API, joined with fresh agent
/// keys, each with a <c>network.node</c> token from the hub's token endpoint (signed with the agent's own assertion code).
/// </summary>
public static class NetworkSetup
{
    /// <summary>Registers and joins every office of <paramref name="nodes"/>, up to 8 at a time.</summary>
    public static async Task<IReadOnlyList<JoinedOffice>> JoinAsync(
        HttpClient hub, HttpClient admin, IReadOnlyList<CreateNodeRequest> nodes, CancellationToken cancellationToken)
    {
        var offices = new JoinedOffice[nodes.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, nodes.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, token) => offices[i] = await JoinAsync(hub, admin, nodes[i], token));
        return offices;
    }

    public static async Task<JoinedOffice> JoinAsync(HttpClient hub, HttpClient admin, CreateNodeRequest node, CancellationToken cancellationToken)
    {
        CreatedNodeResponse created;
        using (var response = await admin.PostAsJsonAsync("/api/v1/admin/nodes", node, cancellationToken))
        {
            await ExpectAsync(response, HttpStatusCode.Created, "create node", cancellationToken);
            created = (await response.Content.ReadFromJsonAsync<CreatedNodeResponse>(cancellationToken))!;
        }

        using var signing = AgentKey.Generate(PublicJwk.UseSignature);
        using var encryption = AgentKey.Generate(PublicJwk.UseEncryption);
        JoinResponse joined;
        using (var response = await hub.PostAsJsonAsync(
            "/api/v1/join", new JoinRequest(created.JoinCode.Code, signing.Public, encryption.Public, "benchmark"), cancellationToken))
        {
            await ExpectAsync(response, HttpStatusCode.OK, "join", cancellationToken);
            joined = (await response.Content.ReadFromJsonAsync<JoinResponse>(cancellationToken))!;
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = joined.ClientId,
            ["client_assertion_type"] = ClientAssertions.Type,
            ["client_assertion"] = ClientAssertions.Create(joined.ClientId, joined.Issuer, signing, DateTimeOffset.UtcNow),
            ["scope"] = HubScopes.Node,
        });
        using var tokenResponse = await hub.PostAsync(new Uri("/connect/token", UriKind.Relative), form, cancellationToken);
        await ExpectAsync(tokenResponse, HttpStatusCode.OK, "token", cancellationToken);
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("access_token").GetString();
        return new JoinedOffice(joined.NodeId, node.Code!, node.RegionCode!, new AuthenticationHeaderValue("Bearer", token));
    }

    /// <summary>Throws with the answer's body when a setup step did not answer <paramref name="expected"/>.</summary>
    public static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, string what, CancellationToken cancellationToken)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Setup step '{what}' answered {(int)response.StatusCode}, expected {(int)expected}: {body}"));
        }
    }
}
