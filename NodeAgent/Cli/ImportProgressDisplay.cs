using System.Globalization;
using LineaHub.NodeAgent.Archive;
using Spectre.Console;

namespace LineaHub.NodeAgent.Cli;

/// <summary>
/// Shows an import's progress: a Spectre.Console bar on a terminal; plain lines (every tenth of the file) when the output
/// is a file, a pipe or a test's writer, where a redrawn bar would be noise.
/// </summary>
internal static class ImportProgressDisplay
{
    private static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it-IT");

    public static Task<ImportSummary> RunAsync(TextWriter output, Func<IProgress<ImportProgress>, Task<ImportSummary>> import)
    {
        return ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive
            ? WithBarAsync(import)
            : WithLinesAsync(output, import);
    }

    private static Task<ImportSummary> WithBarAsync(Func<IProgress<ImportProgress>, Task<ImportSummary>> import) =>
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Importazione dei contatti chiusi", maxValue: 1);
                var summary = await import(new Inline(progress =>
                {
                    task.Description = string.Create(Italian, $"Importazione: {progress.Rows:N0} righe");
                    if (progress.TotalBytes is > 0 and var total)
                    {
                        task.Value = (double)progress.BytesRead / total;
                    }
                }));
                task.Value = 1;
                return summary;
            });

    private static Task<ImportSummary> WithLinesAsync(TextWriter output, Func<IProgress<ImportProgress>, Task<ImportSummary>> import)
    {
        var lastTenth = -1L;
        return import(new Inline(progress =>
        {
            var tenth = progress.TotalBytes is > 0 and var total ? progress.BytesRead * 10 / total : progress.Rows / 10_000;
            if (tenth > lastTenth)
            {
                lastTenth = tenth;
                output.WriteLine(progress.TotalBytes is > 0
                    ? string.Create(Italian, $"Importazione: {progress.Rows:N0} righe lette ({tenth * 10} %)")
                    : string.Create(Italian, $"Importazione: {progress.Rows:N0} righe lette"));
            }
        }));
    }

    /// <summary>Reports on the importing thread, in order (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
    private sealed class Inline(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
