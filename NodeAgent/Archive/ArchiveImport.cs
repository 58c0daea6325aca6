using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace LineaHub.NodeAgent.Archive;

/// <summary>
/// Imports a CSV export of closed contacts (<see cref="ImportColumns"/>, <see cref="ImportRow"/>), streaming it row by
/// row: each row is archived exactly as the local API archives a contact, so importing the same file again adds nothing.
/// Rows are stored a chunk per transaction; a refused row is reported by number, field and reason, never by content.
/// </summary>
public sealed class ArchiveImport(ContactArchiver archiver)
{
    /// <summary>Rows stored per transaction: one commit (and disk flush) per row would make a large export crawl.</summary>
    public const int ChunkRows = 250;

    /// <summary>Refused rows listed in the summary; the rest are counted.</summary>
    public const int MaxRejectedListed = 200;

    private const int ProgressEveryRows = 500;

    public async Task<ImportSummary> ImportAsync(Stream csv, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        long? total = csv.CanSeek ? csv.Length : null;
        using var text = new StreamReader(csv, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        using var reader = new CsvReader(text, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            // Italian spreadsheets write ';' (the comma is the decimal separator); other tools ','.
            DetectDelimiter = true,
            DetectDelimiterValues = [";", ",", "\t"],
            IgnoreBlankLines = true,
            BadDataFound = null,
            MissingFieldFound = null,
            ExceptionMessagesContainRawData = false,
        });

        var summary = new Tally();
        try
        {
            if (!await reader.ReadAsync())
            {
                throw new InvalidOperationException("Il file è vuoto: manca anche la riga di intestazione.");
            }

            reader.ReadHeader();
            var columns = ImportColumns.FromHeader(reader.HeaderRecord ?? []);
            var chunk = new List<(long Row, ClosedContact Contact)>(ChunkRows);
            while (await reader.ReadAsync())
            {
                cancellationToken.ThrowIfCancellationRequested();
                summary.Rows++;
                var (contact, errors) = ImportRow.Parse(reader.Parser.Record ?? [], columns);
                if (errors.Count > 0)
                {
                    summary.Reject(reader.Parser.Row, errors);
                }
                else
                {
                    chunk.Add((reader.Parser.Row, contact));
                }

                if (chunk.Count == ChunkRows)
                {
                    await StoreAsync(chunk, summary, cancellationToken);
                }

                if (summary.Rows % ProgressEveryRows == 0)
                {
                    progress?.Report(new ImportProgress(summary.Rows, csv.CanSeek ? csv.Position : 0, total));
                }
            }

            await StoreAsync(chunk, summary, cancellationToken);
        }
        catch (CsvHelperException exception)
        {
            throw new InvalidOperationException($"Il file non è un CSV leggibile (riga {exception.Context?.Parser?.Row}).", exception);
        }

        progress?.Report(new ImportProgress(summary.Rows, total ?? 0, total));
        return summary.ToSummary();
    }

    private async Task StoreAsync(List<(long Row, ClosedContact Contact)> chunk, Tally summary, CancellationToken cancellationToken)
    {
        if (chunk.Count == 0)
        {
            return;
        }

        var outcomes = await archiver.ArchiveAsync([.. chunk.Select(c => c.Contact)], cancellationToken);
        for (var i = 0; i < chunk.Count; i++)
        {
            var outcome = outcomes[i];
            if (outcome.Archived is null)
            {
                summary.Reject(chunk[i].Row, outcome.Errors);
            }
            else if (outcome.Repeated)
            {
                summary.AlreadyArchived++;
            }
            else
            {
                summary.Archived++;
            }
        }

        chunk.Clear();
    }

    private sealed class Tally
    {
        private readonly List<RejectedRow> _rejected = [];
        private int _notListed;

        public int Rows { get; set; }

        public int Archived { get; set; }

        public int AlreadyArchived { get; set; }

        public void Reject(long row, IReadOnlyList<Schemas.Archive.ArchiveRecordError> errors)
        {
            if (_rejected.Count < MaxRejectedListed)
            {
                _rejected.Add(new RejectedRow(row, errors));
            }
            else
            {
                _notListed++;
            }
        }

        public ImportSummary ToSummary() =>
            new(Rows, Archived, AlreadyArchived, _rejected.Count + _notListed, [.. _rejected.OrderBy(r => r.Row)], _notListed);
    }
}
