using LineaHub.Hub.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace LineaHub.Hub.Archive;

/// <summary>
/// PostgreSQL: binary COPY of the batch into a staging table, one INSERT … SELECT … ON CONFLICT DO NOTHING that reports
/// the records it stored, and one upsert per rollup table of the deltas of exactly those records. Five round trips per
/// batch, whatever its size, and no row-by-row statement.
/// </summary>
public sealed class PostgresArchiveWriter(ArchivePartitions partitions) : IArchiveWriter
{
    private const string Columns =
        "node_id, record_id, closed_at, opened_at, received_at, entity_code, region_code, taxonomy_version, category, channel, "
        + "request_type, outcome, first_response_seconds, resolution_seconds, area_istat_code, area_cell, citizen, text, faq_ids, satisfaction";

    public async Task<IReadOnlySet<string>> WriteAsync(HubDbContext db, IReadOnlyList<ArchivedContact> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return new HashSet<string>();
        }

        // Outside a transaction every statement commits on its own, and the staging table would be empty again before
        // the insert-select read it: the records would be silently dropped.
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The PostgreSQL archive writer runs inside a transaction: its staging table empties itself at every commit.");
        }

        await partitions.EnsureAsync(db, records.Select(r => r.ClosedAt), cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var stored = await InsertRecordsAsync(connection, records, cancellationToken);
        var deltas = RollupDeltas.From(records.Where(r => stored.Contains(r.RecordId)));
        await UpsertCountsAsync(connection, deltas.Counts, cancellationToken);
        await UpsertDurationsAsync(connection, deltas.Durations, cancellationToken);
        return stored;
    }

    /// <summary>
    /// Binary COPY of the batch into the session's staging table, then one INSERT … SELECT that skips the records already
    /// stored and reports the ids it stored. The staging table is made once per database session and empties itself at
    /// every commit (and a rollback takes its rows too), so nothing of a batch outlives its transaction, which is what
    /// lets the hub skip Npgsql's connection reset (No Reset On Close), and no batch pays for creating and dropping it.
    /// </summary>
    private static async Task<HashSet<string>> InsertRecordsAsync(NpgsqlConnection connection, IReadOnlyList<ArchivedContact> records, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "CREATE TEMP TABLE IF NOT EXISTS archive_staging (LIKE archive_records) ON COMMIT DELETE ROWS", cancellationToken);
        await CopyAsync(connection, records, cancellationToken);

        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO archive_records ({Columns}) SELECT {Columns} FROM archive_staging ON CONFLICT DO NOTHING RETURNING record_id",
            connection);
        await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stored.Add(reader.GetString(0));
        }

        return stored;
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<ArchivedContact> records, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY archive_staging ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var r in records)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(r.NodeId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(r.RecordId, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(r.ClosedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(r.OpenedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(r.ReceivedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(r.EntityCode, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(r.RegionCode, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(r.TaxonomyVersion, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(r.Category, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(r.Channel, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(r.RequestType, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(r.Outcome, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteNullableAsync(r.FirstResponseSeconds, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteNullableAsync(r.ResolutionSeconds, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(r.AreaIstatCode, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteNullableAsync(r.AreaCell, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteNullableAsync(r.Citizen, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteNullableAsync(r.Text, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteNullableAsync(r.FaqIds, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteNullableAsync(r.Satisfaction, NpgsqlDbType.Smallint, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task UpsertCountsAsync(NpgsqlConnection connection, IReadOnlyList<ArchiveRollup> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        // The arrays arrive in key order and unnest keeps it, so concurrent batches lock shared rows in one order.
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO archive_rollups AS r (cube, day, entity_code, region_code, category, channel, request_type, outcome, area_istat_code,
                contacts, first_response_count, first_response_sum, resolution_count, resolution_sum, satisfaction_count, satisfaction_sum)
            SELECT * FROM unnest(@cube, @day, @entity, @region, @category, @channel, @request_type, @outcome, @area,
                @contacts, @first_count, @first_sum, @resolution_count, @resolution_sum, @satisfaction_count, @satisfaction_sum)
            ON CONFLICT ON CONSTRAINT pk_archive_rollups DO UPDATE SET
                contacts = r.contacts + excluded.contacts,
                first_response_count = r.first_response_count + excluded.first_response_count,
                first_response_sum = r.first_response_sum + excluded.first_response_sum,
                resolution_count = r.resolution_count + excluded.resolution_count,
                resolution_sum = r.resolution_sum + excluded.resolution_sum,
                satisfaction_count = r.satisfaction_count + excluded.satisfaction_count,
                satisfaction_sum = r.satisfaction_sum + excluded.satisfaction_sum
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<short[]>("cube", [.. rows.Select(r => r.Cube)]));
        command.Parameters.Add(new NpgsqlParameter<DateOnly[]>("day", [.. rows.Select(r => r.Day)]));
        AddText(command, "entity", rows.Select(r => r.EntityCode));
        AddText(command, "region", rows.Select(r => r.RegionCode));
        AddText(command, "category", rows.Select(r => r.Category));
        AddText(command, "channel", rows.Select(r => r.Channel));
        AddText(command, "request_type", rows.Select(r => r.RequestType));
        AddText(command, "outcome", rows.Select(r => r.Outcome));
        AddText(command, "area", rows.Select(r => r.AreaIstatCode));
        AddLong(command, "contacts", rows.Select(r => r.Contacts));
        AddLong(command, "first_count", rows.Select(r => r.FirstResponseCount));
        AddLong(command, "first_sum", rows.Select(r => r.FirstResponseSum));
        AddLong(command, "resolution_count", rows.Select(r => r.ResolutionCount));
        AddLong(command, "resolution_sum", rows.Select(r => r.ResolutionSum));
        AddLong(command, "satisfaction_count", rows.Select(r => r.SatisfactionCount));
        AddLong(command, "satisfaction_sum", rows.Select(r => r.SatisfactionSum));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task UpsertDurationsAsync(NpgsqlConnection connection, IReadOnlyList<ArchiveDurationRollup> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        // An array parameter cannot hold arrays of different lengths, so each histogram travels as its array literal.
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO archive_duration_histograms AS r (cube, day, entity_code, region_code, category, measure, counts)
            SELECT cube, day, entity, region, category, measure, counts::integer[]
            FROM unnest(@cube, @day, @entity, @region, @category, @measure, @counts) AS u(cube, day, entity, region, category, measure, counts)
            ON CONFLICT ON CONSTRAINT pk_archive_duration_histograms DO UPDATE SET counts = (
                SELECT array_agg(coalesce(a, 0) + coalesce(b, 0) ORDER BY o)
                FROM unnest(r.counts, excluded.counts) WITH ORDINALITY AS s(a, b, o))
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<short[]>("cube", [.. rows.Select(r => r.Cube)]));
        command.Parameters.Add(new NpgsqlParameter<DateOnly[]>("day", [.. rows.Select(r => r.Day)]));
        AddText(command, "entity", rows.Select(r => r.EntityCode));
        AddText(command, "region", rows.Select(r => r.RegionCode));
        AddText(command, "category", rows.Select(r => r.Category));
        command.Parameters.Add(new NpgsqlParameter<short[]>("measure", [.. rows.Select(r => r.Measure)]));
        AddText(command, "counts", rows.Select(r => ArrayLiteral(r.Counts)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>PostgreSQL's text form of an integer array: <c>{3,0,1}</c> (counts: no sign, no culture in the digits).</summary>
    internal static string ArrayLiteral(int[] values) => "{" + string.Join(',', values) + "}";

    private static void AddText(NpgsqlCommand command, string name, IEnumerable<string> values) =>
        command.Parameters.Add(new NpgsqlParameter<string[]>(name, NpgsqlDbType.Array | NpgsqlDbType.Varchar) { TypedValue = [.. values] });

    private static void AddLong(NpgsqlCommand command, string name, IEnumerable<long> values) =>
        command.Parameters.Add(new NpgsqlParameter<long[]>(name, [.. values]));

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
