using System.CommandLine;
using System.Net.Http.Json;
using LineaHub.NodeAgent.Connection;
using LineaHub.NodeAgent.Join;
using LineaHub.NodeAgent.Overflow;
using LineaHub.NodeAgent.Tickets;

namespace LineaHub.NodeAgent.Cli;

/// <summary>
/// The agent's command line, for the IT staff of an office:
/// <c>join --hub URL --code CODE</c>, <c>run</c> (the default), <c>rotate-key</c>, <c>status</c>,
/// <c>ticket show CODE</c>, <c>ticket list</c>, <c>overflow status</c>, <c>import FILE.csv</c>, <c>archive status</c>,
/// <c>archive retry BATCH</c>, <c>faq search "TESTO"</c>.
/// Options other than the command's own (e.g. <c>--Urls</c>) go to the host configuration.
/// </summary>
public static class AgentCli
{
    /// <param name="output">Where commands that support it write (default: the console); lets a test read what an operator would see.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null)
    {
        var dataOption = new Option<string?>("--data") { Description = "Cartella dati dell'agente (chiavi, identità, database locale).", Recursive = true };
        var hubOption = new Option<Uri>("--hub")
        {
            Description = "Indirizzo dell'hub, es. https://hub.lineahub.example/",
            Required = true,
            CustomParser = result => Uri.TryCreate(result.Tokens.Single().Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? new Uri(uri.AbsoluteUri.TrimEnd('/') + "/")
                : Invalid(result, "--hub deve essere un indirizzo http(s) assoluto."),
        };
        var codeOption = new Option<string>("--code") { Description = "Codice di adesione monouso ricevuto dall'amministratore della rete.", Required = true };
        var forceOption = new Option<bool>("--force") { Description = "Aderire di nuovo anche se l'agente ha già aderito (nuove chiavi)." };

        var join = new Command("join", "Aderisce alla rete con il codice monouso e registra le chiavi pubbliche dell'agente.")
        {
            hubOption, codeOption, forceOption,
        };
        join.SetAction((parse, cancellationToken) => WithAppAsync(parse, dataOption, async app =>
        {
            var identity = await app.Services.GetRequiredService<JoinService>().JoinAsync(
                parse.GetValue(hubOption)!, parse.GetValue(codeOption)!, parse.GetValue(forceOption), cancellationToken);
            Console.WriteLine($"Adesione completata: nodo {identity.NodeId}, client {identity.ClientId}. Token ottenuto da {identity.TokenEndpoint}.");
            Console.WriteLine("Avviare ora l'agente con il comando 'run'.");
            return 0;
        }));

        var rotate = new Command("rotate-key", "Sostituisce la chiave di firma dell'agente; la vecchia smette di funzionare.");
        rotate.SetAction((parse, cancellationToken) => WithAppAsync(parse, dataOption, async app =>
        {
            var keyId = await app.Services.GetRequiredService<KeyRotationService>().RotateAsync(cancellationToken);
            Console.WriteLine($"Nuova chiave di firma registrata: {keyId}.");
            return 0;
        }));

        var status = new Command("status", "Mostra l'identità dell'agente e verifica di poter ottenere un token.");
        status.SetAction((parse, cancellationToken) => WithAppAsync(parse, dataOption, async app =>
        {
            var identity = await app.Services.GetRequiredService<AgentIdentityStore>().LoadIdentityAsync(cancellationToken);
            Console.WriteLine($"Nodo:      {identity.NodeId}");
            Console.WriteLine($"Client:    {identity.ClientId}");
            Console.WriteLine($"Hub:       {identity.HubUrl}");
            Console.WriteLine($"Adesione:  {identity.JoinedAt:u}");
            await app.Services.GetRequiredService<HubTokenClient>().GetTokenAsync(cancellationToken);
            Console.WriteLine("Token:     ottenuto (chiave di firma valida)");
            return 0;
        }));

        var run = new Command("run", "Avvia l'agente: rapporti di capacità, invio dei messaggi in uscita, API locale.");
        run.SetAction((parse, cancellationToken) => WithAppAsync(parse, dataOption, async app =>
        {
            if (!app.Services.GetRequiredService<AgentIdentityStore>().IsJoined)
            {
                throw new AgentNotJoinedException(app.Services.GetRequiredService<AgentPaths>().DataDirectory);
            }

            await app.Services.GetRequiredService<KeyRotationService>().RecoverPendingAsync(cancellationToken);
            await app.RunAsync(cancellationToken);
            return 0;
        }));

        var ticket = TicketCommands(dataOption);
        var overflow = OverflowCommands(dataOption);
        var faq = FaqCommands.Faq(dataOption);

        var root = new RootCommand("LineaHub NodeAgent: il nodo di un URP nella rete LineaHub.")
        {
            dataOption, join, rotate, status, run, ticket, overflow, faq, ArchiveCommands.Import(dataOption), ArchiveCommands.Archive(dataOption),
        };
        root.TreatUnmatchedTokensAsErrors = false;
        root.Action = run.Action;
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output ?? Console.Out });
    }

    private static Command TicketCommands(Option<string?> dataOption)
    {
        var codeArgument = new Argument<string>("codice") { Description = "Codice del ticket, es. LA-7K3M-9QXA." };
        var show = new Command("show", "Mostra un ticket dell'intera rete, letto dall'hub: stato, ufficio che lo ha in carico, storia.") { codeArgument };
        show.SetAction((parse, cancellationToken) => WithAppAsync(parse, dataOption, async app =>
        {
            var view = await app.Services.GetRequiredService<LocalTickets>().GetAsync(parse.GetValue(codeArgument)!, cancellationToken);
            Console.WriteLine($"Ticket     {view.Code}   stato: {view.Status}   versione {view.Version}");
            Console.WriteLine($"Aperto da  {view.Origin.Name} il {view.OpenedAt:u}");
            Console.WriteLine($"In carico  {view.Holder.Name}");
            Console.WriteLine($"Categoria  {view.Category} · {view.Channel} · {view.RequestType}");
            Console.WriteLine($"Scadenza   {view.SlaDueAt:u}{(view.SlaClockStopped ? " (sospesa: in attesa del cittadino)" : "")}");
            Console.WriteLine($"Sintesi    {view.Summary}");
            foreach (var step in view.History)
            {
                Console.WriteLine($"  {step.At:u}  {step.Action,-8} {step.From} → {step.To}  {step.Actor?.Name ?? "hub"}{(step.Reason is null ? "" : $" — {step.Reason}")}");
            }

            return 0;
        }));

        var statusOption = new Option<string?>("--status") { Description = "Solo i ticket in questo stato." };
        var list = new Command("list", "Elenca i ticket aperti da questo ufficio o in carico a esso, dal più recente.") { statusOption };
        list.SetAction((parse, cancellationToken) => WithAppAsync(parse, dataOption, async app =>
        {
            var page = await app.Services.GetRequiredService<LocalTickets>().ListAsync(parse.GetValue(statusOption), 50, null, cancellationToken);
            foreach (var item in page.Items)
            {
                Console.WriteLine($"{item.Code}  {item.Status,-9}  {item.Category,-32}  aperto {item.OpenedAt:u}  scadenza {item.SlaDueAt:u}");
            }

            Console.WriteLine(page.Items.Count == 0 ? "Nessun ticket." : $"{page.Items.Count} ticket{(page.NextCursor is null ? "" : " (altri disponibili)")}.");
            return 0;
        }));

        return new Command("ticket", "Ticket unico: consultazione dall'hub.") { show, list };
    }

    private static Command OverflowCommands(Option<string?> dataOption)
    {
        var agentOption = AgentOption();
        var status = new Command("status",
            "Mostra la politica di overflow, l'attesa prevista, le offerte ricevute in attesa e i ticket dell'ufficio offerti o in coda, "
            + "chiedendoli all'agente in esecuzione (le cifre di capacità sono quelle che l'agente ha in memoria).")
        {
            agentOption,
        };
        status.SetAction((parse, cancellationToken) => WithAppAsync(parse, dataOption, async app =>
        {
            var view = await GetFromAgentAsync<OverflowStatus>(app, parse.GetValue(agentOption), "api/v1/overflow", cancellationToken);
            OverflowStatusText.Write(parse.InvocationConfiguration.Output, view);
            return 0;
        }));

        return new Command("overflow", "Scambio di ticket tra uffici quando un ufficio è troppo carico.") { status };
    }

    /// <summary>The address of the running agent's local API, for commands that ask it rather than the database.</summary>
    internal static Option<Uri?> AgentOption() => new("--agent")
    {
        Description = "Indirizzo dell'API locale dell'agente in esecuzione; predefinito: il primo di Urls nella configurazione.",
        CustomParser = result => Uri.TryCreate(result.Tokens.Single().Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : Invalid(result, "--agent deve essere un indirizzo http(s) assoluto."),
    };

    /// <summary>
    /// Asks the running agent (<paramref name="agent"/>, or where the configuration makes it listen). A refusal comes back as a
    /// <see cref="HubProblemException"/> carrying the agent's Italian problem text; an agent that does not answer, as a hint to start it.
    /// </summary>
    internal static async Task<T> GetFromAgentAsync<T>(WebApplication app, Uri? agent, string relativePath, CancellationToken cancellationToken)
    {
        var address = agent ?? LocalApiAddress(app.Configuration);
        var client = app.Services.GetRequiredService<IHttpClientFactory>().CreateClient();
        try
        {
            using var response = await client.GetAsync(new Uri(address, relativePath), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw await HubProblemException.FromResponseAsync(response, cancellationToken);
            }

            return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
                ?? throw new InvalidOperationException($"L'agente su {address} ha risposto senza contenuto.");
        }
        catch (HttpRequestException exception)
        {
            throw new InvalidOperationException($"L'agente non risponde su {address} ({exception.Message}): avviarlo con 'run'.", exception);
        }
    }

    /// <summary>Where this configuration makes the agent listen, as an address to call on this machine.</summary>
    internal static Uri LocalApiAddress(IConfiguration configuration)
    {
        var first = (configuration[WebHostDefaults.ServerUrlsKey] ?? AgentApp.DefaultUrls)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? AgentApp.DefaultUrls;

        // Kestrel's wildcards mean "every interface"; the command calls the loopback one.
        var url = new UriBuilder(first.Replace("://*", "://127.0.0.1", StringComparison.Ordinal).Replace("://+", "://127.0.0.1", StringComparison.Ordinal));
        if (url.Host is "0.0.0.0" or "[::]" or "::")
        {
            url.Host = "127.0.0.1";
        }

        url.Path = "/";
        return url.Uri;
    }

    private static Uri? Invalid(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return null;
    }

    internal static async Task<int> WithAppAsync(ParseResult parse, Option<string?> dataOption, Func<WebApplication, Task<int>> action)
    {
        var data = parse.GetValue(dataOption);
        var hostArgs = parse.UnmatchedTokens.ToList();
        if (data is not null)
        {
            hostArgs.Add($"--Agent:DataDirectory={data}");
        }

        await using var app = AgentApp.Build(new WebApplicationOptions { Args = [.. hostArgs], ContentRootPath = AppContext.BaseDirectory });
        try
        {
            return await action(app);
        }
        catch (Exception exception) when (exception is HubProblemException or AgentNotJoinedException or InvalidOperationException or HttpRequestException)
        {
            Console.Error.WriteLine($"Errore: {exception.Message}");
            return 1;
        }
    }
}
