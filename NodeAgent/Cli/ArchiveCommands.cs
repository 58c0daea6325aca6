using System.CommandLine;
using LineaHub.NodeAgent.Archive;
using LineaHub.NodeAgent.Outbox;

namespace LineaHub.NodeAgent.Cli;

/// <summary>
/// <c>import FILE.csv</c>, <c>archive status</c> and <c>archive retry BATCH</c>. They work on the agent's database
/// directly, so they need no running agent; a running one sends what they store.
/// </summary>
internal static class ArchiveCommands
{
    /// <summary>Exit code of an import that stored what it could but refused some rows.</summary>
    public const int RowsRejected = 2;

    public static Command Import(Option<string?> dataOption)
    {
        var fileArgument = new Argument<FileInfo>("file") { Description = "File CSV dei contatti chiusi (separatore ';' o ',', UTF-8)." };
        var import = new Command("import",
            "Archivia i contatti chiusi di un file CSV esportato dal sistema dell'ufficio: li anonimizza e li mette in coda per l'hub. "
            + "Importare di nuovo lo stesso file non aggiunge nulla.")
        {
            fileArgument,
        };
        import.SetAction((parse, cancellationToken) => AgentCli.WithAppAsync(parse, dataOption, async app =>
        {
            var file = parse.GetValue(fileArgument)!;
            if (!file.Exists)
            {
                throw new InvalidOperationException($"File non trovato: {file.FullName}.");
            }

            var output = parse.InvocationConfiguration.Output;
            await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
            var importer = app.Services.GetRequiredService<ArchiveImport>();
            var summary = await ImportProgressDisplay.RunAsync(output, progress => importer.ImportAsync(stream, progress, cancellationToken));
            ImportSummaryText.Write(output, summary);
            return summary.Rejected > 0 ? RowsRejected : 0;
        }));
        return import;
    }

    public static Command Archive(Option<string?> dataOption)
    {
        var status = new Command("status", "Contatti in attesa di invio, inviati, rifiutati dall'hub (con i motivi), lotti respinti e ultimo errore.");
        status.SetAction((parse, cancellationToken) => AgentCli.WithAppAsync(parse, dataOption, async app =>
        {
            ArchiveStatusText.Write(parse.InvocationConfiguration.Output, await app.Services.GetRequiredService<ArchiveStatusQuery>().GetAsync(cancellationToken));
            return 0;
        }));

        var batchArgument = new Argument<long>("lotto") { Description = "Numero del lotto respinto, come lo mostra 'archive status'." };
        var retry = new Command("retry", "Rimette in coda un lotto respinto per intero dall'hub (dopo averne corretto la causa), con la stessa chiave.")
        {
            batchArgument,
        };
        retry.SetAction((parse, cancellationToken) => AgentCli.WithAppAsync(parse, dataOption, async app =>
        {
            var id = parse.GetValue(batchArgument);
            var outbox = app.Services.GetRequiredService<OutboxStore>();
            if (await outbox.FindAsync(id, cancellationToken) is not { Kind: ArchiveBatcher.Kind, IsDead: true })
            {
                throw new InvalidOperationException($"Il lotto {id} non è tra i lotti respinti: vedere 'archive status'.");
            }

            await outbox.RetryDeadAsync(id, cancellationToken);
            parse.InvocationConfiguration.Output.WriteLine($"Lotto {id} rimesso in coda: partirà con il prossimo invio dell'agente.");
            return 0;
        }));

        return new Command("archive", "Archivio unificato: stato dei contatti chiusi inviati all'hub.") { status, retry };
    }
}
