using LineaHub.Hub.Errors;
using LineaHub.Hub.Nodes;
using LineaHub.Schemas.Faq;

namespace LineaHub.Hub.Faq;

/// <summary>Searches the in-process index for the calling office: its region and entity come from the registry.</summary>
public sealed class FaqSearch(FaqIndex index, FaqIndexSync sync, TimeProvider time)
{
    public FaqSearchResponse Search(Node caller, string? query, string? category, int? limit)
    {
        var request = new FaqSearchRequest(
            query ?? string.Empty, caller.RegionCode, caller.Code, string.IsNullOrWhiteSpace(category) ? null : category,
            time.GetUtcNow(), limit ?? FaqQueryRules.DefaultLimit);
        try
        {
            var result = index.Search(request);
            return new FaqSearchResponse(result.Hits, result.TotalHits, sync.AppliedVersion);
        }
        catch (FaqQueryException e)
        {
            throw RequestValidationException.Invalid(e.Problem == FaqQueryProblem.LimitOutOfRange ? "limit" : "q", e.Message);
        }
    }
}
