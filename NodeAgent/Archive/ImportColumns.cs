namespace LineaHub.NodeAgent.Archive;

/// <summary>
/// The columns of a CSV of closed contacts: the names of <see cref="ClosedContact"/>'s fields, as in the local API, in any
/// order and any case. Which of a row's cells holds which field.
/// </summary>
public sealed class ImportColumns
{
    public const string ContactId = "contactId";
    public const string Category = "category";
    public const string Channel = "channel";
    public const string RequestType = "requestType";
    public const string Outcome = "outcome";
    public const string OpenedAt = "openedAt";
    public const string ClosedAt = "closedAt";
    public const string FirstResponseAt = "firstResponseAt";
    public const string FirstResponseSeconds = "firstResponseSeconds";
    public const string ResolvedAt = "resolvedAt";
    public const string ResolutionSeconds = "resolutionSeconds";
    public const string Citizen = "citizen";
    public const string IstatCode = "istatCode";
    public const string Latitude = "latitude";
    public const string Longitude = "longitude";
    public const string Text = "text";
    public const string FaqIds = "faqIds";
    public const string Satisfaction = "satisfaction";
    public const string EntityCode = "entityCode";

    /// <summary>Columns a file must have (a cell may still be empty, and the row is then refused for it).</summary>
    public static IReadOnlyList<string> Required { get; } = [ContactId, Category, Channel, RequestType, Outcome, OpenedAt, ClosedAt, IstatCode];

    public static IReadOnlyList<string> All { get; } =
    [
        .. Required, FirstResponseAt, FirstResponseSeconds, ResolvedAt, ResolutionSeconds, Citizen, Latitude, Longitude, Text, FaqIds,
        Satisfaction, EntityCode,
    ];

    private readonly Dictionary<string, int> _index;

    private ImportColumns(Dictionary<string, int> index)
    {
        _index = index;
    }

    /// <summary>Maps a header row; a missing required column, an unknown or a repeated one stops the import before any row is read.</summary>
    /// <exception cref="InvalidOperationException">The header is not one of a file of closed contacts.</exception>
    public static ImportColumns FromHeader(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<string>();
        for (var position = 0; position < header.Count; position++)
        {
            var name = header[position].Trim();
            var column = All.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            if (column is null)
            {
                // Not its name: a file without a header row would have a citizen's data here.
                problems.Add($"la colonna {position + 1} ha un nome sconosciuto");
            }
            else if (!index.TryAdd(column, position))
            {
                problems.Add($"colonna '{column}' ripetuta");
            }
        }

        problems.AddRange(Required.Where(column => !index.ContainsKey(column)).Select(column => $"manca la colonna '{column}'"));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"Intestazione del file non valida: {string.Join("; ", problems)}. Colonne ammesse: {string.Join(", ", All)}.");
        }

        return new ImportColumns(index);
    }

    /// <summary>The cell of <paramref name="column"/> in <paramref name="row"/>, trimmed; null when the column is absent or the cell empty.</summary>
    public string? Cell(IReadOnlyList<string> row, string column)
    {
        ArgumentNullException.ThrowIfNull(row);
        return _index.TryGetValue(column, out var position) && position < row.Count && row[position].Trim() is { Length: > 0 } value ? value : null;
    }
}
