using LineaHub.Hub.Auth;
using LineaHub.Hub.Storage;

namespace LineaHub.Hub.Cli;

/// <summary>
/// The hub's command line: with no command it serves; <c>migrate</c> brings the schema up to date;
/// <c>admin bootstrap [--name NAME]</c> creates an administrator client and prints its credentials once;
/// <c>analyst create --name NAME</c> does the same for an analyst client (trend queries across entities).
/// </summary>
public static class HubCommands
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var words = args.TakeWhile(a => !a.StartsWith('-')).ToArray();
        switch (words)
        {
            case []:
                await app.RunAsync();
                return 0;
            case ["migrate"]:
                await MigrateAsync(app);
                Console.WriteLine("Schema del database aggiornato.");
                return 0;
            case ["admin", "bootstrap"]:
                return await BootstrapAdminAsync(app, OptionValue(args, "--name") ?? "bootstrap");
            case ["analyst", "create"] when OptionValue(args, "--name") is { } analyst:
                return await CreateAnalystAsync(app, analyst);
            default:
                Console.Error.WriteLine("""
                    Uso: LineaHub.Hub [comando]
                      (nessun comando)              avvia il servizio
                      migrate                       aggiorna lo schema del database ed esce
                      admin bootstrap [--name NOME] crea un client amministrativo e ne stampa le credenziali
                      analyst create --name NOME    crea un client per analisti (scope analytics.read) e ne stampa le credenziali
                    """);
                return 2;
        }
    }

    private static async Task MigrateAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
    }

    private static async Task<int> BootstrapAdminAsync(WebApplication app, string name)
    {
        await MigrateAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        AdminCredentials credentials;
        try
        {
            credentials = await scope.ServiceProvider.GetRequiredService<AdminClients>().CreateAsync(name, CancellationToken.None);
        }
        catch (Errors.DomainException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 1;
        }

        Console.WriteLine($"""
            Client amministrativo creato. Il segreto è mostrato solo ora: conservarlo in un luogo sicuro.

              client_id:     {credentials.ClientId}
              client_secret: {credentials.ClientSecret}

            Per ottenere un token (scope hub.admin):
              curl -s -u '{credentials.ClientId}:{credentials.ClientSecret}' \
                -d grant_type=client_credentials -d scope=hub.admin <URL-DEL-HUB>/connect/token
            """);
        return 0;
    }

    private static async Task<int> CreateAnalystAsync(WebApplication app, string name)
    {
        await MigrateAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        AnalystCredentials credentials;
        try
        {
            credentials = await scope.ServiceProvider.GetRequiredService<AnalystClients>().CreateAsync(name, CancellationToken.None);
        }
        catch (Errors.DomainException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 1;
        }

        Console.WriteLine($"""
            Client per analisti creato. Il segreto è mostrato solo ora: conservarlo in un luogo sicuro.

              client_id:     {credentials.ClientId}
              client_secret: {credentials.ClientSecret}

            Per ottenere un token (scope analytics.read):
              curl -s -u '{credentials.ClientId}:{credentials.ClientSecret}' \
                -d grant_type=client_credentials -d scope=analytics.read <URL-DEL-HUB>/connect/token
            """);
        return 0;
    }

    private static string? OptionValue(string[] args, string option)
    {
        var index = Array.IndexOf(args, option);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
