using System.Net.Http.Json;
using LineaHub.Schemas.Nodes;

namespace LineaHub.EndToEnd.Tests;

/// <summary>Registering an office through the admin API, as a network administrator would.</summary>
internal static class Offices
{
    /// <summary>Registers a comune competent for <paramref name="competence"/>, in Abruzzo (13) unless told; returns its one-time join code.</summary>
    public static async Task<string> RegisterAsync(HttpClient admin, string name, string istatCode, string competence, string regionCode = "13")
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/admin/nodes", new CreateNodeRequest(
            name, NodeKinds.Comune, istatCode, regionCode, [competence], ["it"], []));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CreatedNodeResponse>())!.JoinCode.Code;
    }

    public static Task<string> CelanoAsync(HttpClient admin) => RegisterAsync(admin, "URP Comune di Celano", "066032", "anagrafe");

    public static Task<string> LAquilaAsync(HttpClient admin) => RegisterAsync(admin, "URP Comune di L'Aquila", "066049", "ambiente-rifiuti");

    /// <summary>An office in another region (Piemonte, 01).</summary>
    public static Task<string> TorinoAsync(HttpClient admin) => RegisterAsync(admin, "URP Comune di Torino", "001272", "tributi", "01");
}
