using LineaHub.Hub.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace LineaHub.Hub.Faq;

/// <summary>
/// Writes a batch of the hub's own searches to the search log on PostgreSQL with one binary <c>COPY</c> instead of
/// an EF insert: under load the log takes a row per search, and tracking, parameters and SQL for 500 rows cost
/// about a tenth of the hub's CPU (docs/benchmarks.md). Table and column names come from the EF model, so they
/// follow the same naming as the migrations. All or nothing, like the insert it replaces.
/// </summary>
internal static class FaqSearchLogCopy
{
    public static async Task WriteAsync(HubDbContext db, IReadOnlyList<LoggedFaqSearch> batch, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var importer = await connection.BeginBinaryImportAsync(Command(db.Model), cancellationToken);
            foreach (var row in batch)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(row.NodeId, NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(row.SearchId, NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(row.Query, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.NormalisedQuery, NpgsqlDbType.Text, cancellationToken);
                if (row.CategoryCode is { } category)
                {
                    await importer.WriteAsync(category, NpgsqlDbType.Text, cancellationToken);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken);
                }

                await importer.WriteAsync(row.TotalHits, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(row.At.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // The columns in the order the rows are written above; the id is the database's.
    private static string Command(IModel model)
    {
        var entity = model.FindEntityType(typeof(LoggedFaqSearch))
            ?? throw new InvalidOperationException("The search log is not in the hub's model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => Quote(entity.FindProperty(property)!.GetColumnName(table)!);
        var columns = string.Join(", ", new[]
        {
            nameof(LoggedFaqSearch.NodeId), nameof(LoggedFaqSearch.SearchId), nameof(LoggedFaqSearch.Query),
            nameof(LoggedFaqSearch.NormalisedQuery), nameof(LoggedFaqSearch.CategoryCode), nameof(LoggedFaqSearch.TotalHits),
            nameof(LoggedFaqSearch.At),
        }.Select(Column));
        var name = table.Schema is { } schema ? $"{Quote(schema)}.{Quote(table.Name)}" : Quote(table.Name);
        return $"COPY {name} ({columns}) FROM STDIN (FORMAT BINARY)";
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
