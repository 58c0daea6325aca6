using System.Net.Http.Json;
using LineaHub.Schemas.Nodes;

namespace LineaHub.EndToEnd.Tests;

/// <summary>Registering an office through the admin API, as a network administrator would.</summary>
internal static class Offices
{
    /// <summary>Registers a comune competent for <paramref name="competence"/>; returns its one-time join code.</summary>
    public static async Task<string> RegisterAsync(HttpClient admin, string name, string istatCode, string competence)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/admin/nodes", new CreateNodeRequest(
            name, NodeKinds.Comune, istatCode, "13", [competence], ["it"], []));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CreatedNodeResponse>())!.JoinCode.Code;
    }

    public static Task<string> CelanoAsync(HttpClient admin) => RegisterAsync(admin, "URP Comune di Celano", "066032", "anagrafe");

    public static Task<string> LAquilaAsync(HttpClient admin) => RegisterAsync(admin, "URP Comune di L'Aquila", "066049", "ambiente-rifiuti");
}
