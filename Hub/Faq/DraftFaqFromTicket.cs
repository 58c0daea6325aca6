using LineaHub.Hub.Errors;
using LineaHub.Hub.Storage;
using LineaHub.Hub.Tickets;
using LineaHub.Schemas.Anonymisation;
using LineaHub.Schemas.Faq;
using LineaHub.Schemas.Tickets;
using Microsoft.EntityFrameworkCore;

namespace LineaHub.Hub.Faq;

/// <summary>
/// Turns a resolved ticket into a proposed entry: the holder or the origin of a resolved or closed ticket gets a draft
/// it owns, the question from the ticket's anonymised summary, the category from the ticket, the answer from the
/// request or else from the reason given when the ticket was resolved. The draft's first version names the ticket.
/// Every refusal is thrown before anything is written.
/// </summary>
public sealed class DraftFaqFromTicket(HubDbContext db, FaqEditing editing)
{
    private static readonly string[] FinishedStates = [TicketStates.Resolved, TicketStates.Closed];

    public async Task<FaqEntryView> DraftAsync(FaqActor actor, FaqEntryFromTicketRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Code))
        {
            throw RequestValidationException.Invalid("code", "Indicare il codice del ticket.");
        }

        var code = TicketCodes.Require(request.Code);
        var ticket = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Code == code, cancellationToken)
            ?? throw new NotFoundException($"Nessun ticket con codice {code}.");
        if (ticket.HolderNodeId != actor.Node.Id && ticket.OriginNodeId != actor.Node.Id)
        {
            throw new ForbiddenException("Solo l'ufficio che ha aperto il ticket o che lo gestisce ne propone una voce FAQ.");
        }

        if (!FinishedStates.Contains(ticket.Status))
        {
            throw new ConflictException($"Il ticket {code} è nello stato {ticket.Status}: una voce FAQ si propone da un ticket risolto o chiuso.");
        }

        var answer = request.Answer ?? await ResolveReasonAsync(ticket.Id, cancellationToken);
        if (string.IsNullOrWhiteSpace(answer))
        {
            throw RequestValidationException.Invalid("answer", "Il ticket non ha una motivazione di risoluzione: scrivere la risposta.");
        }

        // The summary was checked when the ticket was opened; the answer may be typed now. Kinds only, never the data.
        if (TextAnonymiser.DescribePersonalData(answer) is { } kinds)
        {
            throw RequestValidationException.Unprocessable(new Dictionary<string, string[]>
            {
                ["answer"] = [$"La risposta contiene dati personali ({kinds}): una voce FAQ è letta da tutti gli uffici."],
            });
        }

        var entry = new FaqEntryRequest(Question(ticket.Summary), answer, ticket.Category, [], request.Scope ?? "local", null, null);
        return await editing.CreateAsync(actor, entry, cancellationToken, source: $"ticket {code}");
    }

    private async Task<string?> ResolveReasonAsync(long ticketId, CancellationToken cancellationToken) =>
        await db.TicketEvents.AsNoTracking()
            .Where(e => e.TicketId == ticketId && e.Action == TicketActions.Resolve)
            .OrderByDescending(e => e.Id)
            .Select(e => e.Reason)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>A summary longer than a question may be is cut at a word, marked with an ellipsis for the editor.</summary>
    private static string Question(string summary)
    {
        var text = summary.Trim();
        if (text.Length <= FaqOptions.MaxQuestionLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', FaqOptions.MaxQuestionLength - 1);
        return string.Concat(text.AsSpan(0, cut > 0 ? cut : FaqOptions.MaxQuestionLength - 1), "…");
    }
}
