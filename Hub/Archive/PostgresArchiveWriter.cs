using System.Globalization;
using System.Text;
using LineaHub.Hub.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace LineaHub.Hub.Archive;

/// <summary>
/// PostgreSQL: one INSERT … SELECT FROM unnest(arrays) … ON CONFLICT DO NOTHING that reports the records it stored, and
/// one upsert per rollup table of the deltas of exactly those records. Three round trips per batch, whatever its size,
/// and no row-by-row statement.
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

        await partitions.EnsureAsync(db, records.Select(r => r.ClosedAt), cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var stored = await InsertRecordsAsync(connection, records, cancellationToken);
        var deltas = RollupDeltas.From(records.Where(r => stored.Contains(r.RecordId)));
        await UpsertCountsAsync(connection, deltas.Counts, cancellationToken);
        await UpsertDurationsAsync(connection, deltas.Durations, cancellationToken);
        return stored;
    }

    /// <summary>
    /// The batch as one array per column, unnested into one INSERT that skips the records already stored and reports
    /// the ids it stored: one round trip, and no staging table to create, fill, read and drop.
    /// </summary>
    private static async Task<HashSet<string>> InsertRecordsAsync(NpgsqlConnection connection, IReadOnlyList<ArchivedContact> records, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand(
            $"""
            INSERT INTO archive_records ({Columns})
            SELECT * FROM unnest(@node_id, @record_id, @closed_at, @opened_at, @received_at, @entity_code, @region_code, @taxonomy_version,
                @category, @channel, @request_type, @outcome, @first_response_seconds, @resolution_seconds, @area_istat_code, @area_cell,
                @citizen, @text, @faq_ids, @satisfaction)
            ON CONFLICT DO NOTHING RETURNING record_id
            """,
            connection);
        insert.Parameters.Add(new NpgsqlParameter<Guid[]>("node_id", [.. records.Select(r => r.NodeId)]));
        AddText(insert, "record_id", records.Select(r => r.RecordId));
        AddTime(insert, "closed_at", records.Select(r => r.ClosedAt));
        AddTime(insert, "opened_at", records.Select(r => r.OpenedAt));
        AddTime(insert, "received_at", records.Select(r => r.ReceivedAt));
        AddText(insert, "entity_code", records.Select(r => r.EntityCode));
        AddText(insert, "region_code", records.Select(r => r.RegionCode));
        AddText(insert, "taxonomy_version", records.Select(r => r.TaxonomyVersion));
        AddText(insert, "category", records.Select(r => r.Category));
        AddText(insert, "channel", records.Select(r => r.Channel));
        AddText(insert, "request_type", records.Select(r => r.RequestType));
        AddText(insert, "outcome", records.Select(r => r.Outcome));
        insert.Parameters.Add(new NpgsqlParameter<int?[]>("first_response_seconds", [.. records.Select(r => r.FirstResponseSeconds)]));
        insert.Parameters.Add(new NpgsqlParameter<int?[]>("resolution_seconds", [.. records.Select(r => r.ResolutionSeconds)]));
        AddText(insert, "area_istat_code", records.Select(r => r.AreaIstatCode));
        AddText(insert, "area_cell", records.Select(r => r.AreaCell));
        AddText(insert, "citizen", records.Select(r => r.Citizen));
        AddText(insert, "text", records.Select(r => r.Text));
        AddText(insert, "faq_ids", records.Select(r => r.FaqIds));
        insert.Parameters.Add(new NpgsqlParameter<short?[]>("satisfaction", [.. records.Select(r => r.Satisfaction)]));

        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stored.Add(reader.GetString(0));
        }

        return stored;
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

    /// <summary>PostgreSQL's text form of an integer array: <c>{3,0,1}</c>.</summary>
    internal static string ArrayLiteral(int[] values)
    {
        var text = new StringBuilder(2 + (values.Length * 3));
        text.Append('{');
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(values[i].ToString(CultureInfo.InvariantCulture));
        }

        return text.Append('}').ToString();
    }

    private static void AddText(NpgsqlCommand command, string name, IEnumerable<string?> values) =>
        command.Parameters.Add(new NpgsqlParameter<string?[]>(name, NpgsqlDbType.Array | NpgsqlDbType.Varchar) { TypedValue = [.. values] });

    private static void AddTime(NpgsqlCommand command, string name, IEnumerable<DateTimeOffset> values) =>
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>(name, NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = [.. values] });

    private static void AddLong(NpgsqlCommand command, string name, IEnumerable<long> values) =>
        command.Parameters.Add(new NpgsqlParameter<long[]>(name, [.. values]));
}
