using System.Text.Json;
using LineaHub.NodeAgent.Outbox;
using LineaHub.Schemas.Anonymisation;
using LineaHub.Schemas.Faq;
using Microsoft.Extensions.Options;

namespace LineaHub.NodeAgent.Faq;

/// <summary>
/// The FAQ as the office's operators use it, always from the replica (fast, and the same with the hub away): searches for the
/// office's region and entity, valid now; each search logged with its query anonymised; feedback on an entry put in the
/// outbox for the hub.
/// </summary>
public sealed class LocalFaq(
    FaqReplica replica,
    FaqSearchLog log,
    OutboxStore outbox,
    TimeProvider clock,
    IOptions<FaqReplicaOptions> options)
{
    public const string FeedbackKind = "faq.feedback";
    public const string FeedbackPath = "api/v1/faq/feedback";

    /// <summary>Throws <see cref="FaqQueryException"/> for blank or over-long text or a limit out of range, before anything is logged.</summary>
    public async Task<LocalFaqSearchResponse> SearchAsync(string? query, string? category, int limit, CancellationToken cancellationToken)
    {
        await replica.EnsureLoadedAsync(cancellationToken);
        var state = replica.State;
        var now = clock.GetUtcNow();
        var categoryCode = string.IsNullOrWhiteSpace(category) ? null : category.Trim();
        var text = query ?? string.Empty;
        var result = replica.Search(new FaqSearchRequest(text, state.RegionCode, state.EntityCode, categoryCode, now, limit));
        var searchId = Guid.NewGuid();

        // Operators type names, fiscal codes and phone numbers into the search box: anonymised before it is stored anywhere.
        await log.AddAsync(new FaqSearchLogEntry(searchId, TextAnonymiser.Anonymise(text).Text, categoryCode, result.TotalHits, now), cancellationToken);
        var stale = state.LastSyncAt is not { } last || now - last > TimeSpan.FromSeconds(options.Value.StaleAfterSeconds);
        return new LocalFaqSearchResponse(searchId, result.Hits, result.TotalHits, state.AppliedVersion, state.LastSyncAt, stale);
    }

    /// <summary>The entry if the replica holds it and it is valid now; null otherwise (expired entries are not shown).</summary>
    public async Task<LocalFaqEntry?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var entry = await replica.FindAsync(id.ToString(), cancellationToken);
        var now = clock.GetUtcNow();
        return entry is not null && (entry.ValidFrom is null || entry.ValidFrom <= now) && (entry.ValidTo is null || now < entry.ValidTo)
            ? LocalFaqEntry.From(entry)
            : null;
    }

    /// <summary>
    /// Queues the operator's feedback for the hub (<see cref="FaqFeedbackRequest"/>, its id as the idempotency key); null when the
    /// replica does not hold the entry. The kind is checked by the caller (<see cref="FaqFeedbackKinds.IsKnown"/>).
    /// </summary>
    public async Task<FaqFeedbackQueued?> GiveFeedbackAsync(Guid entryId, string kind, Guid? searchId, CancellationToken cancellationToken)
    {
        var feedback = new FaqFeedbackRequest(Guid.NewGuid(), entryId, kind, searchId, clock.GetUtcNow());
        if (await replica.FindAsync(entryId.ToString(), cancellationToken) is null)
        {
            return null;
        }

        var message = await outbox.EnqueueAsync(
            FeedbackKind,
            HttpMethod.Post,
            FeedbackPath,
            JsonSerializer.Serialize(feedback, JsonSerializerOptions.Web),
            $"faq-feedback-{feedback.FeedbackId:N}",
            cancellationToken);
        return new FaqFeedbackQueued(feedback.FeedbackId, message.Id);
    }
}
