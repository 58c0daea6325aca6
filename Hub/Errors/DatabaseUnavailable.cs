using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LineaHub.Hub.Errors;

/// <summary>
/// Which failures mean "the database cannot serve now" rather than "this request is wrong": PostgreSQL unreachable, in
/// shutdown or recovery, too many connections, a deadlock or serialisation failure; SQLite busy or locked. Callers get
/// 503 with <c>Retry-After</c>: an agent keeps what it sent and sends it again, so nothing is lost.
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>Seconds a caller is asked to wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static bool Matches(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres when IsTransientState(postgres.SqlState):
                case NpgsqlException { IsTransient: true }:
                case SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED
                case TimeoutException:
                    return true;
                case DbException:
                    return false;
            }
        }

        return false;
    }

    private static bool IsTransientState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) // connection exception
        || state.StartsWith("57P", StringComparison.Ordinal) // admin / crash shutdown, cannot connect now
        || state is PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure;
}
