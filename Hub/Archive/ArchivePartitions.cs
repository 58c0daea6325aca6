using System.Collections.Concurrent;
using System.Globalization;
using LineaHub.Hub.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LineaHub.Hub.Archive;

/// <summary>
/// The monthly partitions of <c>archive_records</c> on PostgreSQL (UTC months, <c>archive_records_yYYYYmMM</c>). A month
/// is created the first time a record of it arrives — on a connection of its own, committed at once, so the batch's
/// transaction never holds the parent table's lock — and dropped whole when it passes the retention horizon.
/// </summary>
public sealed partial class ArchivePartitions(ILogger<ArchivePartitions> logger)
{
    private const string Prefix = "archive_records_y";

    private readonly ConcurrentDictionary<DateTimeOffset, bool> _known = new();

    public async Task EnsureAsync(HubDbContext db, IEnumerable<DateTimeOffset> closedAt, CancellationToken cancellationToken)
    {
        var missing = closedAt.Select(ArchiveCalendar.MonthStart).Distinct().Where(m => !_known.ContainsKey(m)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        foreach (var month in missing)
        {
            await CreateAsync(connection, month, cancellationToken);
            _known[month] = true;
        }
    }

    /// <summary>Months that have a partition, oldest first.</summary>
    public async Task<IReadOnlyList<DateTimeOffset>> ListAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        var names = await db.Database.SqlQueryRaw<string>(
                "SELECT c.relname AS \"Value\" FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'archive_records'::regclass")
            .ToListAsync(cancellationToken);
        return [.. names.Select(MonthOf).OfType<DateTimeOffset>().Order()];
    }

    /// <summary>Drops every month that ends on or before <paramref name="horizon"/>; returns how many.</summary>
    public async Task<int> DropBeforeAsync(HubDbContext db, DateTimeOffset horizon, CancellationToken cancellationToken)
    {
        var dropped = 0;
        foreach (var month in await ListAsync(db, cancellationToken))
        {
            if (month.AddMonths(1) > horizon)
            {
                continue;
            }

            _known.TryRemove(month, out _);
            // The name comes from the catalog and is re-formatted from a parsed date, never from input.
#pragma warning disable EF1002
            var name = NameOf(month);
            await db.Database.ExecuteSqlRawAsync($"DROP TABLE IF EXISTS {name}", cancellationToken);
#pragma warning restore EF1002
            LogDropped(logger, name);
            dropped++;
        }

        return dropped;
    }

    public static string NameOf(DateTimeOffset month) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{month.Year:D4}m{month.Month:D2}");

    private static DateTimeOffset? MonthOf(string name) =>
        name.StartsWith(Prefix, StringComparison.Ordinal)
        && DateTime.TryParseExact(name[Prefix.Length..], "yyyy'm'MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? new DateTimeOffset(month.Year, month.Month, 1, 0, 0, 0, TimeSpan.Zero)
            : null;

    private async Task CreateAsync(NpgsqlConnection connection, DateTimeOffset month, CancellationToken cancellationToken)
    {
        var name = NameOf(month);
        var from = month.ToString("yyyy-MM-dd'T'00:00:00'Z'", CultureInfo.InvariantCulture);
        var to = month.AddMonths(1).ToString("yyyy-MM-dd'T'00:00:00'Z'", CultureInfo.InvariantCulture);
        await using var command = new NpgsqlCommand(
            $"CREATE TABLE IF NOT EXISTS {name} PARTITION OF archive_records FOR VALUES FROM ('{from}') TO ('{to}')",
            connection);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
            LogCreated(logger, name);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.UniqueViolation)
        {
            // Another hub process created it between our check and our statement: that is what we wanted.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created archive partition {Partition}")]
    private static partial void LogCreated(ILogger logger, string partition);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped archive partition {Partition}: past the retention horizon")]
    private static partial void LogDropped(ILogger logger, string partition);
}
