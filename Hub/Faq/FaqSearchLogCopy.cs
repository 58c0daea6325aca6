using LineaHub.Hub.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace LineaHub.Hub.Faq;

/// <summary>
/// Writes a batch of the hub's own searches to the search log on PostgreSQL with one binary <c>COPY</c> instead of
/// an EF insert: under load the log takes a row per search, and tracking, parameters and SQL for 500 rows cost
/// about a tenth of the hub's CPU (docs/benchmarks.md). All or nothing, like the insert it replaces.
/// </summary>
internal static class FaqSearchLogCopy
{
    // The table's columns but its identity, in the order each row is written below (migration FaqLearning).
    private const string Command =
        "COPY faq_search_log (node_id, search_id, query, normalised_query, category_code, total_hits, at) FROM STDIN (FORMAT BINARY)";

    public static async Task WriteAsync(HubDbContext db, IReadOnlyList<LoggedFaqSearch> batch, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var copy = await connection.BeginBinaryImportAsync(Command, cancellationToken);
            foreach (var row in batch)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(row.NodeId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(row.SearchId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(row.Query, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(row.NormalisedQuery, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteNullableAsync(row.CategoryCode, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(row.TotalHits, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(row.At.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
