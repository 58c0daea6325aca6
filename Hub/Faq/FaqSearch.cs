using LineaHub.Hub.Errors;
using LineaHub.Hub.Nodes;
using LineaHub.Schemas.Faq;

namespace LineaHub.Hub.Faq;

/// <summary>
/// Searches the in-process index for the calling office: its region and entity come from the registry. Each search
/// answered is queued for the search log under the id returned with it (<see cref="FaqSearchLogBuffer"/>: queuing
/// never waits, and the query is anonymised off the request path, before it is stored).
/// </summary>
public sealed class FaqSearch(FaqIndex index, FaqIndexSync sync, FaqSearchLogBuffer log, TimeProvider time)
{
    public FaqSearchResponse Search(Node caller, string? query, string? category, int? limit)
    {
        var now = time.GetUtcNow();
        var request = new FaqSearchRequest(
            query ?? string.Empty, caller.RegionCode, caller.Code, string.IsNullOrWhiteSpace(category) ? null : category,
            now, limit ?? FaqQueryRules.DefaultLimit);
        FaqSearchResult result;
        try
        {
            result = index.Search(request);
        }
        catch (FaqQueryException e)
        {
            throw RequestValidationException.Invalid(e.Problem == FaqQueryProblem.LimitOutOfRange ? "limit" : "q", e.Message);
        }

        var searchId = Guid.NewGuid();
        log.TryAdd(new PendingFaqSearch(caller.Id, searchId, request.Query, request.CategoryCode, result.TotalHits, now));
        return new FaqSearchResponse(result.Hits, result.TotalHits, sync.AppliedVersion, searchId);
    }
}
