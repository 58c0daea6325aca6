using Npgsql;

namespace LineaHub.Benchmarks.DispatchThroughput;

/// <summary>What the database holds after the run, against what the clients were told.</summary>
/// <param name="Tickets">Tickets in the database.</param>
/// <param name="Offered">Tickets whose status is <c>offered</c>.</param>
/// <param name="Offers">Rows of <c>overflow_offers</c>.</param>
/// <param name="Pending">Pending offers.</param>
/// <param name="OfferedTwice">Tickets with more than one offer row (none may have been offered twice).</param>
/// <param name="NotExactlyOnePending">Tickets without exactly one pending offer.</param>
/// <param name="HolderMismatch">Tickets whose <c>offered_to_node_id</c> differs from their pending offer's node.</param>
/// <param name="AnswerMismatch">Dispatched tickets whose answer named another receiver than the stored pending offer.</param>
/// <param name="FewestPerReceiver">Fewest offers one receiver got.</param>
/// <param name="MostPerReceiver">Most offers one receiver got.</param>
internal sealed record DispatchCheck(
    long Tickets, long Offered, long Offers, long Pending, long OfferedTwice, long NotExactlyOnePending,
    long HolderMismatch, long AnswerMismatch, long FewestPerReceiver, long MostPerReceiver)
{
    private const string CountsSql = """
        SELECT
          (SELECT count(*) FROM tickets),
          (SELECT count(*) FROM tickets WHERE status = 'offered'),
          (SELECT count(*) FROM overflow_offers),
          (SELECT count(*) FROM overflow_offers WHERE outcome = 'pending'),
          (SELECT count(*) FROM (SELECT ticket_id FROM overflow_offers GROUP BY ticket_id HAVING count(*) > 1) AS twice),
          (SELECT count(*) FROM tickets AS t
             WHERE (SELECT count(*) FROM overflow_offers AS o WHERE o.ticket_id = t.id AND o.outcome = 'pending') <> 1),
          (SELECT count(*) FROM tickets AS t JOIN overflow_offers AS o ON o.ticket_id = t.id AND o.outcome = 'pending'
             WHERE t.offered_to_node_id IS DISTINCT FROM o.node_id),
          (SELECT coalesce(min(n), 0) FROM (SELECT count(*) AS n FROM overflow_offers GROUP BY node_id) AS per_receiver),
          (SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM overflow_offers GROUP BY node_id) AS per_receiver)
        """;

    private const string PendingSql = """
        SELECT t.code, o.node_id FROM tickets AS t JOIN overflow_offers AS o ON o.ticket_id = t.id AND o.outcome = 'pending'
        """;

    public bool Passed(long expectedTickets) =>
        Tickets == expectedTickets && Offered == expectedTickets && Offers == expectedTickets && Pending == expectedTickets
        && OfferedTwice == 0 && NotExactlyOnePending == 0 && HolderMismatch == 0 && AnswerMismatch == 0;

    public static async Task<DispatchCheck> RunAsync(string connectionString, IEnumerable<OfferSample> samples, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var counts = new long[9];
        await using (var command = new NpgsqlCommand(CountsSql, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] = reader.GetInt64(i);
            }
        }

        var stored = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand(PendingSql, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                stored[reader.GetString(0)] = reader.GetGuid(1);
            }
        }

        var answerMismatch = samples.Count(s => s.Dispatched && (!stored.TryGetValue(s.Code, out var node) || node != s.OfferedTo));
        return new DispatchCheck(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], answerMismatch, counts[7], counts[8]);
    }
}
