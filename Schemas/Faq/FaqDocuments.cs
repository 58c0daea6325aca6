using Lucene.Net.Documents;

namespace LineaHub.Schemas.Faq;

/// <summary>Turns an entry into the Lucene document the index holds.</summary>
internal static class FaqDocuments
{
    public const string NoCode = "-";

    /// <summary>
    /// Entries grouped by where they apply: network, then each region's, then each entity's. Indexed in this
    /// order, the entries an office sees (network, its region, its entity) are three runs of documents, and the
    /// term scorers jump from one run to the next over the postings of everyone else (<see cref="AskerDocs"/>).
    /// Only speed depends on it: results are the same in any order. Stable, so an entry's changes keep their order.
    /// </summary>
    public static IEnumerable<FaqEntry> ScopeOrder(IEnumerable<FaqEntry> entries) => entries
        .OrderBy(e => e.Scope)
        .ThenBy(e => e.RegionCode, StringComparer.Ordinal)
        .ThenBy(e => e.EntityCode, StringComparer.Ordinal);

    public static Document From(FaqEntry entry, string plainAnswer)
    {
        var document = new Document
        {
            // Nothing is stored: hits are shown from FaqShownEntry, and the id is read per segment (FaqSegment).
            new StringField(FaqFields.Id, entry.Id, Field.Store.NO),
            new TextField(FaqFields.Question, entry.Question, Field.Store.NO),
            new TextField(FaqFields.Answer, plainAnswer, Field.Store.NO),
            new TextField(FaqFields.Keywords, string.Join(" , ", entry.Keywords), Field.Store.NO),
            new StringField(FaqFields.Category, entry.CategoryCode, Field.Store.NO),
            new StringField(FaqFields.Scope, ScopeCode(entry.Scope), Field.Store.NO),
            new StringField(FaqFields.Region, entry.RegionCode ?? NoCode, Field.Store.NO),
            new StringField(FaqFields.Entity, entry.EntityCode ?? NoCode, Field.Store.NO),
        };

        // Only the dates an entry has: most have none, so the validity check (FaqFilters.Invalid) ranges over a
        // handful of dated entries instead of every document.
        if (entry.ValidFrom is { } from)
        {
            document.Add(new Int64Field(FaqFields.ValidFrom, from.UtcTicks, Field.Store.NO));
        }

        if (entry.ValidTo is { } to)
        {
            document.Add(new Int64Field(FaqFields.ValidTo, to.UtcTicks, Field.Store.NO));
        }

        // Every ancestor code, so a filter on "tributi" finds "tributi.tari".
        var code = entry.CategoryCode;
        for (var dot = code.IndexOf('.', StringComparison.Ordinal); dot > 0; dot = code.IndexOf('.', dot + 1))
        {
            document.Add(new StringField(FaqFields.CategoryPath, code[..dot], Field.Store.NO));
        }

        document.Add(new StringField(FaqFields.CategoryPath, code, Field.Store.NO));
        return document;
    }

    public static string ScopeCode(FaqScope scope) => scope switch
    {
        FaqScope.Network => "network",
        FaqScope.Regional => "regional",
        FaqScope.Local => "local",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
    };
}
