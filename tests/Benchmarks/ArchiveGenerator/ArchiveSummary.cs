using System.Globalization;
using System.Text;
using Npgsql;

namespace LineaHub.Benchmarks.ArchiveGenerator;

/// <summary>What a filled archive looks like, read back from the database (rollups and catalog), as markdown.</summary>
public static class ArchiveSummary
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static async Task<string> DescribeAsync(string connectionString, SyntheticArchive archive, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var text = new StringBuilder();
        text.AppendLine(Culture, $"Records: {await ScalarAsync(connection, "SELECT count(*) FROM archive_records", cancellationToken):N0}; category-cube sum: {await ScalarAsync(connection, "SELECT coalesce(sum(contacts), 0) FROM archive_rollups WHERE cube = 4", cancellationToken):N0}; rollup rows: {await ScalarAsync(connection, "SELECT count(*) FROM archive_rollups", cancellationToken):N0}, duration histogram rows: {await ScalarAsync(connection, "SELECT count(*) FROM archive_duration_histograms", cancellationToken):N0}.");
        text.AppendLine(Culture, $"Database size: {await TextAsync(connection, "SELECT pg_size_pretty(pg_database_size(current_database()))", cancellationToken)} (records with indexes {await TextAsync(connection, "SELECT pg_size_pretty(sum(pg_total_relation_size(inhrelid))) FROM pg_inherits WHERE inhparent = 'archive_records'::regclass", cancellationToken)}, rollups {await TextAsync(connection, "SELECT pg_size_pretty(pg_total_relation_size('archive_rollups') + pg_total_relation_size('archive_duration_histograms'))", cancellationToken)}).");
        text.AppendLine();
        text.AppendLine("Contacts per weekday (Italian days): " + string.Join(", ", await RowsAsync(connection,
            "SELECT to_char(day, 'Dy'), sum(contacts) FROM archive_rollups WHERE cube = 4 GROUP BY extract(isodow FROM day), 1 ORDER BY extract(isodow FROM day)",
            r => $"{r.GetString(0)} {r.GetDecimal(1):N0}", cancellationToken)));
        text.AppendLine();
        text.AppendLine("Contacts per month: " + string.Join(", ", await RowsAsync(connection,
            "SELECT to_char(date_trunc('month', day), 'YYYY-MM'), sum(contacts) FROM archive_rollups WHERE cube = 4 GROUP BY 1 ORDER BY 1",
            r => $"{r.GetString(0)} {r.GetDecimal(1):N0}", cancellationToken)));
        text.AppendLine();
        text.AppendLine("Seasonal categories, contacts per month (TARI, school enrolment, school canteen): ");
        foreach (var category in new[] { "tributi.tari", "scuola.iscrizioni", "scuola.mensa" })
        {
            text.AppendLine("- " + category + ": " + string.Join(", ", await RowsAsync(connection,
                $"SELECT to_char(date_trunc('month', day), 'YY-MM'), sum(contacts) FROM archive_rollups WHERE cube = 4 AND category = '{category}' GROUP BY 1 ORDER BY 1",
                r => $"{r.GetString(0)} {r.GetDecimal(1):N0}", cancellationToken)));
        }

        text.AppendLine();
        foreach (var burst in archive.Bursts)
        {
            var dayCount = await ScalarAsync(connection,
                $"SELECT coalesce(sum(contacts), 0) FROM archive_rollups WHERE cube = 3 AND day = '{burst.Day:yyyy-MM-dd}' AND region_code = '{burst.RegionCode}'", cancellationToken);
            var weekBefore = await ScalarAsync(connection,
                $"SELECT coalesce(sum(contacts), 0) FROM archive_rollups WHERE cube = 3 AND day = '{burst.Day.AddDays(-7):yyyy-MM-dd}' AND region_code = '{burst.RegionCode}'", cancellationToken);
            text.AppendLine(Culture, $"Burst: {burst.What}, region {burst.RegionCode} on {burst.Day:yyyy-MM-dd} ({burst.Day.DayOfWeek}): {dayCount:N0} contacts in the region that day, {weekBefore:N0} a week before.");
        }

        text.AppendLine();
        text.AppendLine("Channels: " + string.Join(", ", await RowsAsync(connection,
            "SELECT channel, sum(contacts) FROM archive_rollups WHERE cube = 1 GROUP BY 1 ORDER BY 2 DESC", r => $"{r.GetString(0)} {r.GetDecimal(1):N0}", cancellationToken)));
        text.AppendLine();
        text.AppendLine("Outcomes: " + string.Join(", ", await RowsAsync(connection,
            "SELECT outcome, sum(contacts) FROM archive_rollups WHERE cube = 1 GROUP BY 1 ORDER BY 2 DESC", r => $"{r.GetString(0)} {r.GetDecimal(1):N0}", cancellationToken)));
        text.AppendLine();
        text.AppendLine("Largest entities (share of contacts): " + string.Join(", ", await RowsAsync(connection,
            "SELECT entity_code, round(100.0 * sum(contacts) / (SELECT sum(contacts) FROM archive_rollups WHERE cube = 2), 1) FROM archive_rollups WHERE cube = 2 GROUP BY 1 ORDER BY sum(contacts) DESC LIMIT 8",
            r => $"{r.GetString(0)} {r.GetDecimal(1)} %", cancellationToken)));
        return text.ToString();
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task<string> TextAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) ?? "";
    }

    private static async Task<List<string>> RowsAsync(
        NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, string> format, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(format(reader));
        }

        return rows;
    }
}
