using System.Text.RegularExpressions;

namespace LineaHub.Benchmarks.DispatchThroughput;

/// <summary>A SQL text reduced to what tells commands apart in a profile: each statement's verb and the tables it names.</summary>
internal static partial class SqlShape
{
    /// <summary>E.g. <c>UPDATE tickets; INSERT ticket_events</c>; the count of pending offers per node is marked as such.</summary>
    public static string Of(string sql) =>
        string.Join("; ", sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(statement =>
            {
                var verb = statement.Split([' ', '\n', '\t'], 2)[0].ToUpperInvariant();
                var tables = Tables().Matches(statement).Select(m => m.Groups["table"].Value).Distinct(StringComparer.Ordinal);
                var pendingPerNode = statement.Contains("'pending'", StringComparison.Ordinal) && statement.Contains("GROUP BY", StringComparison.Ordinal)
                    ? " (pending offers per node)"
                    : "";
                return $"{verb} {string.Join(",", tables)}".Trim() + pendingPerNode;
            }));

    [GeneratedRegex(@"\b(?:FROM|JOIN|INTO|UPDATE)\s+""?(?<table>[a-z_]+)""?", RegexOptions.IgnoreCase)]
    private static partial Regex Tables();
}
