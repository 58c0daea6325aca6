using LineaHub.Hub.Errors;
using LineaHub.Hub.Nodes;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Taxonomy;
using LineaHub.Schemas.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LineaHub.Hub.Tickets;

/// <summary>The origin office opens a shared ticket; the hub gives it a network-wide code.</summary>
public sealed partial class OpenTicket(
    HubDbContext db,
    TicketViews views,
    TimeProvider clock,
    IOptions<TicketsOptions> options,
    ILogger<OpenTicket> logger)
{
    private const int CodeAttempts = 5;

    public async Task<TicketView> OpenAsync(Node origin, OpenTicketRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Validate(request, now);
        var proposed = request.Code is null ? null : TicketCodes.Require(request.Code);
        if (proposed is not null && await db.Tickets.AnyAsync(t => t.Code == proposed, cancellationToken))
        {
            throw CodeInUse(proposed);
        }

        for (var attempt = 1; ; attempt++)
        {
            var ticket = new Ticket
            {
                Code = proposed ?? TicketCode.New().Value,
                OriginNodeId = origin.Id,
                HolderNodeId = origin.Id,
                Category = request.Category!,
                Channel = request.Channel!,
                RequestType = request.RequestType!,
                Language = request.Language ?? "it",
                Summary = request.Summary!.Trim(),
                HasContact = request.HasContact,
                TaxonomyVersion = TaxonomyCatalog.Current.Version,
                Status = TicketStates.Open,
                OpenedAt = now,
                SlaDueAt = request.SlaDueAt!.Value.ToUniversalTime(),
                UpdatedAt = now,
                Version = 1,
            };
            ticket.History.Add(new TicketEvent
            {
                At = now,
                ActorNodeId = origin.Id,
                Role = TicketActors.Origin,
                Action = "open",
                FromState = "-",
                ToState = TicketStates.Open,
            });
            db.Tickets.Add(ticket);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                LogOpened(logger, ticket.Code, origin.Id);
                return await views.ToViewAsync(ticket, cancellationToken);
            }
            catch (DbUpdateException) when (proposed is not null)
            {
                db.ChangeTracker.Clear();
                throw CodeInUse(proposed);
            }
            catch (DbUpdateException) when (attempt < CodeAttempts)
            {
                // About 1.7·10¹⁰ codes: a clash is rare but possible; draw another.
                db.ChangeTracker.Clear();
            }
        }
    }

    private void Validate(OpenTicketRequest request, DateTimeOffset now)
    {
        var (invalid, unknown) = TicketRules.Check(request, now, options.Value.MaxSlaDays);
        if (invalid.Count > 0)
        {
            throw RequestValidationException.Invalid(invalid);
        }

        if (unknown.Count > 0)
        {
            throw RequestValidationException.Unprocessable(unknown);
        }
    }

    private static ConflictException CodeInUse(string code) => new($"Il codice {code} è già in uso: generarne un altro.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {Code} opened by node {NodeId}")]
    private static partial void LogOpened(ILogger logger, string code, Guid nodeId);
}
