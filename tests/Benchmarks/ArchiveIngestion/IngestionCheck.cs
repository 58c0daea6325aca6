using Npgsql;

namespace LineaHub.Benchmarks.ArchiveIngestion;

/// <summary>What the database holds after the run, against what the hub answered.</summary>
/// <param name="Stored">Rows of <c>archive_records</c>.</param>
/// <param name="CategoryCubeSum">Sum of <c>contacts</c> in the smallest cube (category × day): every record counted once.</param>
/// <param name="DetailCubeSum">Same in the detail cube.</param>
/// <param name="Partitions">Monthly partitions created.</param>
public sealed record IngestionCheck(long Stored, long CategoryCubeSum, long DetailCubeSum, long Partitions)
{
    public bool Passed(long expected) => Stored == expected && CategoryCubeSum == expected && DetailCubeSum == expected;

    public static async Task<IngestionCheck> RunAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT
              (SELECT count(*) FROM archive_records),
              (SELECT coalesce(sum(contacts), 0)::bigint FROM archive_rollups WHERE cube = 4),
              (SELECT coalesce(sum(contacts), 0)::bigint FROM archive_rollups WHERE cube = 1),
              (SELECT count(*) FROM pg_inherits WHERE inhparent = 'archive_records'::regclass)
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new IngestionCheck(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }
}
