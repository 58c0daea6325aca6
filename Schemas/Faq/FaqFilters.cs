using Lucene.Net.Index;
using Lucene.Net.Search;

namespace LineaHub.Schemas.Faq;

/// <summary>What applies to an asker: scope (network, own region, own entity), validity at now, category.</summary>
internal static class FaqFilters
{
    public static Query For(FaqSearchRequest request)
    {
        var scope = new BooleanQuery
        {
            { new TermQuery(new Term(FaqFields.Scope, FaqDocuments.ScopeCode(FaqScope.Network))), Occur.SHOULD },
        };
        if (!string.IsNullOrEmpty(request.RegionCode))
        {
            scope.Add(Both(FaqScope.Regional, FaqFields.Region, request.RegionCode), Occur.SHOULD);
        }

        if (!string.IsNullOrEmpty(request.EntityCode))
        {
            scope.Add(Both(FaqScope.Local, FaqFields.Entity, request.EntityCode), Occur.SHOULD);
        }

        var ticks = request.Now.UtcTicks;
        var filter = new BooleanQuery
        {
            { scope, Occur.MUST },
            { NumericRangeQuery.NewInt64Range(FaqFields.ValidFrom, null, ticks, true, true), Occur.MUST },
            { NumericRangeQuery.NewInt64Range(FaqFields.ValidTo, ticks, null, false, true), Occur.MUST },
        };
        if (!string.IsNullOrEmpty(request.CategoryCode))
        {
            filter.Add(new TermQuery(new Term(FaqFields.CategoryPath, request.CategoryCode)), Occur.MUST);
        }

        return filter;
    }

    private static BooleanQuery Both(FaqScope scope, string field, string code) => new()
    {
        { new TermQuery(new Term(FaqFields.Scope, FaqDocuments.ScopeCode(scope))), Occur.MUST },
        { new TermQuery(new Term(field, code)), Occur.MUST },
    };
}
