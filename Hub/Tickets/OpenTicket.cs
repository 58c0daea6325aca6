using System.Text.RegularExpressions;
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
        for (var attempt = 1; ; attempt++)
        {
            var ticket = new Ticket
            {
                Code = TicketCode.New().Value,
                OriginNodeId = origin.Id,
                HolderNodeId = origin.Id,
                Category = request.Category!,
                Channel = request.Channel!,
                RequestType = request.RequestType!,
                Language = request.Language ?? "it",
                Summary = request.Summary!.Trim(),
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
            catch (DbUpdateException) when (attempt < CodeAttempts)
            {
                // About 1.7·10¹⁰ codes: a clash is rare but possible; draw another.
                db.ChangeTracker.Clear();
            }
        }
    }

    private void Validate(OpenTicketRequest request, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.Required("category", request.Category);
        errors.Required("channel", request.Channel);
        errors.Required("requestType", request.RequestType);
        errors.Required("summary", request.Summary);
        if (request.Summary is { Length: > TicketsOptions.MaxSummaryLength })
        {
            errors.Add("summary", $"Al massimo {TicketsOptions.MaxSummaryLength} caratteri.");
        }

        if (request.SlaDueAt is null)
        {
            errors.Add("slaDueAt", "Campo obbligatorio.");
        }
        else if (request.SlaDueAt <= now)
        {
            errors.Add("slaDueAt", "La scadenza deve essere nel futuro.");
        }
        else if (request.SlaDueAt > now.AddDays(options.Value.MaxSlaDays))
        {
            errors.Add("slaDueAt", $"La scadenza non può superare {options.Value.MaxSlaDays} giorni.");
        }

        if (request.Language is not null && !LanguagePattern().IsMatch(request.Language))
        {
            errors.Add("language", "Un codice ISO 639-1 (due lettere minuscole).");
        }

        errors.ThrowIfInvalid();

        var taxonomy = TaxonomyCatalog.Current;
        var unknown = new ValidationErrors();
        if (!taxonomy.IsCategory(request.Category!))
        {
            unknown.Add("category", $"'{request.Category}' non è una categoria della tassonomia {taxonomy.Version}.");
        }

        if (!taxonomy.IsChannel(request.Channel!))
        {
            unknown.Add("channel", $"'{request.Channel}' non è un canale della tassonomia {taxonomy.Version}.");
        }

        if (!taxonomy.IsRequestType(request.RequestType!))
        {
            unknown.Add("requestType", $"'{request.RequestType}' non è un tipo di richiesta della tassonomia {taxonomy.Version}.");
        }

        unknown.ThrowIfUnprocessable();
    }

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguagePattern();

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {Code} opened by node {NodeId}")]
    private static partial void LogOpened(ILogger logger, string code, Guid nodeId);
}
