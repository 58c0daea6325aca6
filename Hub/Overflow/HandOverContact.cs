using System.Text.Json;
using LineaHub.Hub.Errors;
using LineaHub.Hub.Nodes;
using LineaHub.Hub.Storage;
using LineaHub.Hub.Tickets;
using LineaHub.Schemas.Auth;
using LineaHub.Schemas.Handover;
using LineaHub.Schemas.Overflow;
using LineaHub.Schemas.Tickets;
using Microsoft.EntityFrameworkCore;

namespace LineaHub.Hub.Overflow;

/// <summary>
/// The origin hands the citizen's contact data to the office receiving its ticket, sealed for that office's
/// registered encryption key. The hub checks the envelope's header (it names the receiver's key and the agreed
/// algorithms), keeps the ciphertext — it has no key to open it — and passes it on through the receiver's inbox.
/// </summary>
public sealed partial class HandOverContact(HubDbContext db, Inbox inbox, TimeProvider clock, ILogger<HandOverContact> logger)
{
    public async Task UploadAsync(Node origin, string code, ContactUploadRequest request, CancellationToken cancellationToken)
    {
        var canonical = TicketCodes.Require(code);
        var errors = new ValidationErrors();
        if (request.ReceiverNodeId is null)
        {
            errors.Add("receiverNodeId", "Indicare l'ufficio per cui i dati sono cifrati.");
        }

        if (string.IsNullOrWhiteSpace(request.Envelope))
        {
            errors.Add("envelope", "Obbligatorio: i dati di contatto cifrati (JWE compatto).");
        }

        errors.ThrowIfInvalid();

        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Code == canonical, cancellationToken)
            ?? throw new NotFoundException($"Nessun ticket con codice {canonical}.");
        if (ticket.OriginNodeId != origin.Id)
        {
            throw new ForbiddenException("Solo l'ufficio che ha aperto il ticket può consegnarne i dati di contatto.");
        }

        if (!ticket.HasContact)
        {
            throw new ConflictException("Il ticket è stato aperto senza dati di contatto: non c'è nulla da consegnare.");
        }

        // The offer moved on (declined, withdrawn) or the ticket ended while the origin was sealing: nothing to do.
        var receiverId = ticket.OfferedToNodeId ?? (ticket.HolderNodeId != ticket.OriginNodeId ? ticket.HolderNodeId : (Guid?)null);
        if (TicketStateMachine.IsFinal(ticket.Status) || receiverId != request.ReceiverNodeId)
        {
            throw new GoneException("Il ticket non è più destinato a quell'ufficio: i dati non sono stati conservati e non servono più.");
        }

        var receiver = await db.Nodes.AsNoTracking().SingleAsync(n => n.Id == receiverId, cancellationToken);
        var key = receiver.EncryptionKey is null ? null : JsonSerializer.Deserialize<PublicJwk>(receiver.EncryptionKey, JsonSerializerOptions.Web);
        if (key is null)
        {
            throw new ConflictException("L'ufficio destinatario non ha registrato una chiave di cifratura.");
        }

        if (ContactEnvelope.Problem(request.Envelope, key.Thumbprint()) is { } problem)
        {
            throw RequestValidationException.Unprocessable(new Dictionary<string, string[]> { ["envelope"] = [problem] });
        }

        var now = clock.GetUtcNow();
        var stored = await db.TicketContacts.SingleOrDefaultAsync(c => c.TicketId == ticket.Id, cancellationToken);
        if (stored is null)
        {
            db.TicketContacts.Add(new TicketContact { TicketId = ticket.Id, ForNodeId = receiver.Id, Envelope = request.Envelope!, StoredAt = now });
        }
        else
        {
            stored.ForNodeId = receiver.Id;
            stored.Envelope = request.Envelope!;
            stored.StoredAt = now;
        }

        inbox.Post(receiver.Id, new InboxMessage(0, InboxKinds.Contact, ticket.Code, now, Envelope: request.Envelope));
        await db.SaveChangesAsync(cancellationToken);
        LogHandedOver(logger, ticket.Code, receiver.Id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sealed contact data of ticket {Code} handed over to node {NodeId}")]
    private static partial void LogHandedOver(ILogger logger, string code, Guid nodeId);
}
