using LineaHub.Hub.Errors;
using LineaHub.Hub.Nodes;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Faq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Faq;

/// <summary>
/// An operator's "used to answer" or "not helpful" on an entry. Stored once per (node, feedback id) and counted on the
/// entry in the same transaction, so a resend — with the same Idempotency-Key or a new one — never counts twice.
/// </summary>
public sealed partial class RecordFaqFeedback(
    HubDbContext db,
    NodeCaller caller,
    TimeProvider clock,
    IOptions<FaqOptions> options,
    ILogger<RecordFaqFeedback> logger)
{
    public async Task<FaqFeedbackResponse> RecordAsync(FaqFeedbackRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        var node = caller.Node;
        var response = await db.InTransactionAsync(async () =>
        {
            if (!await db.FaqEntries.AnyAsync(e => e.Id == request.EntryId, cancellationToken))
            {
                throw new NotFoundException("Voce FAQ non trovata.");
            }

            var alreadyStored = await db.FaqFeedback.AnyAsync(f => f.NodeId == node.Id && f.FeedbackId == request.FeedbackId, cancellationToken);
            if (!alreadyStored)
            {
                await StoreAsync(node, request, cancellationToken);
            }

            var counts = await db.FaqEntries.AsNoTracking()
                .Where(e => e.Id == request.EntryId)
                .Select(e => new { e.UsedCount, e.NotHelpfulCount })
                .SingleAsync(cancellationToken);
            return new FaqFeedbackResponse(request.FeedbackId, request.EntryId, alreadyStored, counts.UsedCount, counts.NotHelpfulCount);
        }, cancellationToken);
        LogRecorded(logger, node.Id, request.EntryId, request.Kind!, response.AlreadyStored);
        return response;
    }

    private async Task StoreAsync(Node node, FaqFeedbackRequest request, CancellationToken cancellationToken)
    {
        db.FaqFeedback.Add(new StoredFaqFeedback
        {
            NodeId = node.Id,
            FeedbackId = request.FeedbackId,
            EntryId = request.EntryId,
            Kind = request.Kind!,
            SearchId = request.SearchId,
            At = request.At.ToUniversalTime(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique (node, feedback id) caught a concurrent send of the same feedback under another key: it is
            // stored by the other request; this one's retry will find it and answer "already stored".
            db.ChangeTracker.Clear();
            throw new ConflictException("La stessa segnalazione è in registrazione da un'altra richiesta: ripetere.", transient: true);
        }

        var used = request.Kind == FaqFeedbackKinds.Used ? 1 : 0;
        var notHelpful = 1 - used;
        await db.FaqEntries.Where(e => e.Id == request.EntryId).ExecuteUpdateAsync(set => set
            .SetProperty(e => e.UsedCount, e => e.UsedCount + used)
            .SetProperty(e => e.NotHelpfulCount, e => e.NotHelpfulCount + notHelpful), cancellationToken);
    }

    private void Validate(FaqFeedbackRequest request)
    {
        var errors = new ValidationErrors();
        if (request.FeedbackId == Guid.Empty)
        {
            errors.Add("feedbackId", "Indicare l'identificativo della segnalazione.");
        }

        if (request.EntryId == Guid.Empty)
        {
            errors.Add("entryId", "Indicare la voce FAQ.");
        }

        if (!FaqFeedbackKinds.IsKnown(request.Kind))
        {
            errors.Add("kind", $"Valori ammessi: {FaqFeedbackKinds.Used}, {FaqFeedbackKinds.NotHelpful}.");
        }

        if (request.At == default)
        {
            errors.Add("at", "Indicare quando l'operatore ha dato la segnalazione.");
        }
        else if (request.At > clock.GetUtcNow().AddSeconds(options.Value.ClockSkewSeconds))
        {
            errors.Add("at", "La segnalazione risulta data nel futuro: controllare l'orologio dell'ufficio.");
        }

        errors.ThrowIfInvalid();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "FAQ feedback from {NodeId} on {EntryId}: {Kind}, already stored {AlreadyStored}")]
    private static partial void LogRecorded(ILogger logger, Guid nodeId, Guid entryId, string kind, bool alreadyStored);
}
