using LineaHub.Hub.Errors;
using LineaHub.Hub.Nodes;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Faq;
using Microsoft.EntityFrameworkCore;

namespace LineaHub.Hub.Faq;

/// <summary>
/// The FAQ changes feed an agent's replica follows: every entry changed above a version, in version order, as it applies to
/// the calling node. Writers take change numbers in commit order (<see cref="FaqChangeCounter"/>), so a caller that resumes
/// from the last version it applied never skips one. What the caller may not read — another region's or entity's entry, a
/// draft, an entry in review, an archived one — comes as a tombstone: its id and version only, which also removes it from a
/// replica that held it before it moved away.
/// </summary>
public sealed class FaqChanges(HubDbContext db, FaqEditing editing)
{
    public async Task<FaqChangesPage> GetAsync(Node caller, long? after, int? limit, long? synonymsAfter, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (after < 0)
        {
            errors.Add("after", "La versione di partenza non può essere negativa.");
        }

        if (limit is < 1 or > FaqChangesPage.MaxLimit)
        {
            errors.Add("limit", $"Il numero di modifiche per pagina deve essere tra 1 e {FaqChangesPage.MaxLimit}.");
        }

        if (synonymsAfter < 0)
        {
            errors.Add("synonymsAfter", "La versione dei sinonimi non può essere negativa.");
        }

        errors.ThrowIfInvalid();
        var from = after ?? 0;
        var size = limit ?? FaqChangesPage.DefaultLimit;
        var changed = await db.FaqEntries.AsNoTracking()
            .Where(e => e.Version > from)
            .OrderBy(e => e.Version)
            .Take(size + 1)
            .ToListAsync(cancellationToken);
        var more = changed.Count > size;
        var page = changed.Take(size)
            .Select(e => AppliesTo(e, caller) ? e.ToSearchEntry() : FaqChangesPage.Tombstone(e.Id.ToString(), e.Version))
            .ToList();
        FaqSynonymsView? synonyms = null;
        if (!more)
        {
            // With the last page of a catch-up only, so a replica changes its synonyms once, after its entries.
            var current = await editing.SynonymsAsync(cancellationToken);
            synonyms = current.Version > (synonymsAfter ?? -1) ? current : null;
        }

        return new FaqChangesPage(page, synonyms, page.Count == 0 ? from : page[^1].Version, more, caller.RegionCode, caller.Code);
    }

    private static bool AppliesTo(StoredFaqEntry entry, Node caller) =>
        entry.Status == FaqStatus.Published
        && entry.Scope switch
        {
            FaqScope.Network => true,
            FaqScope.Regional => string.Equals(entry.RegionCode, caller.RegionCode, StringComparison.Ordinal),
            FaqScope.Local => string.Equals(entry.EntityCode, caller.Code, StringComparison.Ordinal),
            _ => false,
        };
}
