using System.CommandLine;
using System.Globalization;
using LineaHub.NodeAgent.Faq;

namespace LineaHub.NodeAgent.Cli;

/// <summary><c>faq search "TESTO" [--category C] [--limit N] [--agent URL]</c>: asks the running agent, which answers from its replica.</summary>
internal static class FaqCommands
{
    public static Command Faq(Option<string?> dataOption)
    {
        var textArgument = new Argument<string>("testo") { Description = "Le parole da cercare, come le direbbe il cittadino." };
        var categoryOption = new Option<string?>("--category") { Description = "Solo questa categoria e le sue sottocategorie, es. tributi." };
        var limitOption = new Option<int?>("--limit") { Description = "Quanti risultati al massimo (predefinito 10, al massimo 50)." };
        var agentOption = AgentCli.AgentOption();
        var search = new Command("search",
            "Cerca nelle FAQ della rete valide per questo ufficio, dalla copia locale dell'agente in esecuzione: risponde anche quando l'hub non è raggiungibile.")
        {
            textArgument, categoryOption, limitOption, agentOption,
        };
        search.SetAction((parse, cancellationToken) => AgentCli.WithAppAsync(parse, dataOption, async app =>
        {
            var query = $"api/v1/faq/search?q={Uri.EscapeDataString(parse.GetValue(textArgument)!)}"
                + (parse.GetValue(categoryOption) is { } category ? $"&category={Uri.EscapeDataString(category)}" : "")
                + (parse.GetValue(limitOption) is { } limit ? string.Create(CultureInfo.InvariantCulture, $"&limit={limit}") : "");
            var result = await AgentCli.GetFromAgentAsync<LocalFaqSearchResponse>(app, parse.GetValue(agentOption), query, cancellationToken);
            FaqSearchText.Write(parse.InvocationConfiguration.Output, result);
            return 0;
        }));

        return new Command("faq", "FAQ condivise della rete: ricerca per gli operatori.") { search };
    }
}
