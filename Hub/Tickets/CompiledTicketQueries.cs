using System.Runtime.CompilerServices;
using LineaHub.Hub.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace LineaHub.Hub.Tickets;

/// <summary>
/// The ticket query every move runs, compiled once (EF.CompileAsyncQuery) so that a move skips EF Core's work on
/// the expression at each call (parameter extraction and the query cache lookup). One compiled query per model:
/// the SQLite and PostgreSQL contexts (and each hub in a test process) have models of their own.
/// </summary>
internal static class CompiledTicketQueries
{
    private static readonly ConditionalWeakTable<IModel, Func<HubDbContext, string, CancellationToken, Task<Ticket?>>> WithHistory = new();

    /// <summary>The ticket with <paramref name="code"/> and its history, tracked, or null.</summary>
    public static Task<Ticket?> WithHistoryAsync(HubDbContext db, string code, CancellationToken cancellationToken) =>
        WithHistory.GetValue(db.Model, _ => EF.CompileAsyncQuery(
            (HubDbContext context, string ticketCode, CancellationToken _) =>
                context.Tickets.Include(t => t.History).SingleOrDefault(t => t.Code == ticketCode)))(db, code, cancellationToken);
}
