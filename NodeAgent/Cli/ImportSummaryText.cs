using System.Globalization;
using LineaHub.NodeAgent.Archive;

namespace LineaHub.NodeAgent.Cli;

/// <summary>An import's summary as the command line shows it, in Italian: counts, then each refused row by number, column and reason.</summary>
public static class ImportSummaryText
{
    private static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it-IT");

    public static void Write(TextWriter output, ImportSummary summary)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(summary);
        output.WriteLine(string.Create(Italian, $"Righe lette            {summary.Rows:N0}"));
        output.WriteLine(string.Create(Italian, $"Archiviate ora         {summary.Archived:N0}"));
        output.WriteLine(string.Create(Italian, $"Già archiviate prima   {summary.AlreadyArchived:N0}  (stesso contactId: non aggiunte di nuovo)"));
        output.WriteLine(string.Create(Italian, $"Scartate               {summary.Rejected:N0}  (non archiviate: correggerle e importare di nuovo il file)"));
        if (summary.RejectedRows.Count == 0)
        {
            return;
        }

        output.WriteLine("Righe scartate (riga del file, colonna, motivo):");
        foreach (var row in summary.RejectedRows)
        {
            foreach (var error in row.Errors)
            {
                output.WriteLine(string.Create(Italian, $"  riga {row.Row,6}  {error.Field,-20}  {error.Message}"));
            }
        }

        if (summary.RejectedNotListed > 0)
        {
            output.WriteLine(string.Create(Italian, $"  … e altre {summary.RejectedNotListed:N0} righe scartate, non elencate."));
        }
    }
}
