using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using LineaHub.Hub.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace LineaHub.Hub.Archive;

/// <summary>
/// SQLite, the embedded default: one query finds the records already stored, EF batches the inserts, and one prepared
/// upsert per rollup cell adds the rest — SQLite runs in-process, so a statement costs microseconds, not a round trip.
/// </summary>
public sealed class SqliteArchiveWriter : IArchiveWriter
{
    public async Task<IReadOnlySet<string>> WriteAsync(HubDbContext db, IReadOnlyList<ArchivedContact> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return new HashSet<string>();
        }

        var nodeIds = records.Select(r => r.NodeId).Distinct().ToList();
        var ids = records.Select(r => r.RecordId).ToList();
        var existing = (await db.ArchivedContacts.AsNoTracking()
                .Where(c => nodeIds.Contains(c.NodeId) && ids.Contains(c.RecordId))
                .Select(c => new { c.NodeId, c.RecordId, c.ClosedAt })
                .ToListAsync(cancellationToken))
            .Select(c => (c.NodeId, c.RecordId, c.ClosedAt))
            .ToHashSet();
        var fresh = records.Where(r => !existing.Contains((r.NodeId, r.RecordId, r.ClosedAt))).ToList();
        db.ArchivedContacts.AddRange(fresh);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        var deltas = RollupDeltas.From(fresh);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        connection.CreateFunction<string, string, string>(AddHistogramsFunction, AddHistograms, isDeterministic: true);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await UpsertAsync(connection, transaction, CountsSql, deltas.Counts, BindCounts, cancellationToken);
        await UpsertAsync(connection, transaction, DurationsSql, deltas.Durations, BindDurations, cancellationToken);
        return fresh.Select(r => r.RecordId).ToHashSet(StringComparer.Ordinal);
    }

    private const string CountsSql =
        """
        INSERT INTO archive_rollups (cube, day, entity_code, region_code, category, channel, request_type, outcome, area_istat_code,
            contacts, first_response_count, first_response_sum, resolution_count, resolution_sum, satisfaction_count, satisfaction_sum)
        VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14, $p15)
        ON CONFLICT (cube, day, entity_code, region_code, category, channel, request_type, outcome, area_istat_code) DO UPDATE SET
            contacts = contacts + excluded.contacts,
            first_response_count = first_response_count + excluded.first_response_count,
            first_response_sum = first_response_sum + excluded.first_response_sum,
            resolution_count = resolution_count + excluded.resolution_count,
            resolution_sum = resolution_sum + excluded.resolution_sum,
            satisfaction_count = satisfaction_count + excluded.satisfaction_count,
            satisfaction_sum = satisfaction_sum + excluded.satisfaction_sum
        """;

    // EF Core keeps a histogram (an int array) in SQLite as JSON text; the function adds two of them bucket by bucket.
    private const string AddHistogramsFunction = "lineahub_add_histograms";

    private const string DurationsSql =
        $"""
        INSERT INTO archive_duration_histograms (cube, day, entity_code, region_code, category, measure, counts)
        VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6)
        ON CONFLICT (cube, day, entity_code, region_code, category, measure) DO UPDATE SET counts = {AddHistogramsFunction}(counts, excluded.counts)
        """;

    private static object[] BindCounts(ArchiveRollup r) =>
    [
        r.Cube, Day(r.Day), r.EntityCode, r.RegionCode, r.Category, r.Channel, r.RequestType, r.Outcome, r.AreaIstatCode,
        r.Contacts, r.FirstResponseCount, r.FirstResponseSum, r.ResolutionCount, r.ResolutionSum, r.SatisfactionCount, r.SatisfactionSum,
    ];

    private static object[] BindDurations(ArchiveDurationRollup r) =>
        [r.Cube, Day(r.Day), r.EntityCode, r.RegionCode, r.Category, r.Measure, JsonSerializer.Serialize(r.Counts)];

    private static string AddHistograms(string stored, string added) => JsonSerializer.Serialize(ArchiveDurationRollup.AddTo(
        JsonSerializer.Deserialize<long[]>(stored) ?? [], JsonSerializer.Deserialize<int[]>(added) ?? []));

    /// <summary>As EF Core stores a <see cref="DateOnly"/> in SQLite, so both read the same rows.</summary>
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task UpsertAsync<T>(
        DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<T> rows, Func<T, object[]> bind, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        var width = bind(rows[0]).Length;
        for (var i = 0; i < width; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$p" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
        }

        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            var values = bind(row);
            for (var i = 0; i < width; i++)
            {
                command.Parameters[i].Value = values[i];
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
