using System.Globalization;
using LineaHub.NodeAgent.Archive;

namespace LineaHub.NodeAgent.Cli;

/// <summary>The archive status as the command line shows it, in Italian.</summary>
public static class ArchiveStatusText
{
    private static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it-IT");

    public static void Write(TextWriter output, ArchiveStatus status)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(status);
        output.WriteLine(string.Create(Italian, $"Contatti in attesa di invio      {status.Pending:N0}  ({status.QueuedBatches} lotti in uscita)"));
        output.WriteLine(string.Create(Italian, $"Inviati e archiviati dall'hub    {status.Sent:N0}"));
        output.WriteLine(string.Create(Italian, $"Rifiutati dall'hub               {status.Refused:N0}"));
        output.WriteLine(string.Create(Italian, $"In lotti respinti per intero     {status.Dead:N0}"));
        output.WriteLine(status.LastError switch
        {
            null => "Ultimo errore di invio           nessuno",
            var error => string.Create(Italian,
                $"Ultimo errore di invio           {error.At:u} lotto {error.OutboxId}{(error.Status is { } code ? $" (HTTP {code})" : "")}: {error.Message}{(error.Dead ? " — lotto respinto" : " — nuovo tentativo in corso")}"),
        });

        if (status.RecentlyRefused.Count > 0)
        {
            output.WriteLine("Ultimi contatti rifiutati (non vengono rinviati):");
            foreach (var refused in status.RecentlyRefused)
            {
                foreach (var error in refused.Errors)
                {
                    output.WriteLine($"  {refused.ContactId,-24} {error.Field,-20} {error.Message}");
                }
            }
        }

        if (status.DeadBatches.Count > 0)
        {
            output.WriteLine("Lotti respinti per intero (restano qui finché non vengono rimessi in coda):");
            foreach (var batch in status.DeadBatches)
            {
                output.WriteLine(string.Create(Italian, $"  lotto {batch.OutboxId}  {batch.Records:N0} contatti  {batch.DeadAt:u}  {batch.Reason}"));
            }
        }
    }
}
