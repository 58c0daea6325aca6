using LineaHub.Hub.Errors;
using LineaHub.Hub.Storage;
using LineaHub.Schemas.Faq;
using LineaHub.Schemas.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace LineaHub.Hub.Faq;

/// <summary>
/// Writing FAQ entries: create a draft, change it, submit it for review, publish, archive. Each change runs in one
/// transaction that first takes the next change number (<see cref="FaqChangeCounter"/>), then reads the entry, so
/// concurrent changes to one entry apply one after the other; a refusal throws before anything is saved.
/// </summary>
public sealed class FaqEditing(HubDbContext db, TimeProvider time)
{
    /// <param name="actor">The calling office, the new entry's owner.</param>
    /// <param name="request">The entry.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <param name="source">Where the text came from when not typed in (kept in the version history).</param>
    public async Task<FaqEntryView> CreateAsync(FaqActor actor, FaqEntryRequest request, CancellationToken cancellationToken, string? source = null)
    {
        var scope = Validate(request);
        return await ChangeAsync(async version =>
        {
            var now = time.GetUtcNow();
            var entry = new StoredFaqEntry
            {
                Id = Guid.NewGuid(),
                Question = request.Question!.Trim(),
                Answer = request.Answer!.Trim(),
                CategoryCode = request.CategoryCode!,
                OwnerNodeId = actor.Node.Id,
                Status = FaqStatus.Draft,
                CreatedAt = now,
            };
            var changed = Assign(entry, actor, request, scope);
            entry.Version = version;
            entry.UpdatedAt = now;
            db.FaqEntries.Add(entry);
            var created = Record(entry, actor, FaqActions.Created, changed, now);
            created.Source = source;
            db.FaqEntryVersions.Add(created);
            await Task.CompletedTask;
            return entry;
        }, cancellationToken);
    }

    /// <summary>
    /// Changes the content. A published entry stays published when the caller may publish it; a network-wide
    /// entry changed by its owner without <c>faq.editor</c> goes back to review, so no unapproved text goes live.
    /// </summary>
    public async Task<FaqEntryView> UpdateAsync(FaqActor actor, Guid id, FaqEntryRequest request, CancellationToken cancellationToken)
    {
        var scope = Validate(request);
        return await ChangeAsync(async version =>
        {
            var entry = await FindAsync(id, cancellationToken);
            RequireOwnerOrEditor(actor, entry);
            if (entry.Status == FaqStatus.Archived)
            {
                throw Refused(entry, "Una voce archiviata non si modifica.");
            }

            var changed = Assign(entry, actor, request, scope);
            var action = FaqActions.Updated;
            if (entry.Status == FaqStatus.Published && !MayPublish(actor, entry))
            {
                entry.Status = FaqStatus.InReview;
                action = FaqActions.Submitted;
            }

            Stamp(entry, actor, action, changed, version);
            return entry;
        }, cancellationToken);
    }

    public Task<FaqEntryView> SubmitAsync(FaqActor actor, Guid id, CancellationToken cancellationToken) =>
        MoveAsync(actor, id, FaqActions.Submitted, FaqStatus.InReview, [FaqStatus.Draft], cancellationToken);

    public Task<FaqEntryView> PublishAsync(FaqActor actor, Guid id, CancellationToken cancellationToken) =>
        MoveAsync(actor, id, FaqActions.Published, FaqStatus.Published, [FaqStatus.Draft, FaqStatus.InReview], cancellationToken);

    public Task<FaqEntryView> ArchiveAsync(FaqActor actor, Guid id, CancellationToken cancellationToken) =>
        MoveAsync(actor, id, FaqActions.Archived, FaqStatus.Archived, [FaqStatus.Draft, FaqStatus.InReview, FaqStatus.Published], cancellationToken);

    public async Task<FaqEntryView> GetAsync(Guid id, CancellationToken cancellationToken) =>
        View(await db.FaqEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw new NotFoundException("Voce FAQ non trovata."));

    public async Task<IReadOnlyList<FaqVersionView>> VersionsAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await db.FaqEntries.AnyAsync(e => e.Id == id, cancellationToken))
        {
            throw new NotFoundException("Voce FAQ non trovata.");
        }

        var versions = await db.FaqEntryVersions.AsNoTracking()
            .Where(v => v.EntryId == id)
            .OrderBy(v => v.Version)
            .ToListAsync(cancellationToken);
        return [.. versions.Select(v => new FaqVersionView(
            v.Version, v.Action, v.ActorNodeId, v.ActorIsEditor, v.At, v.ChangedFields, FaqWire.Name(v.Status), v.Question, v.Answer, v.Source))];
    }

    public async Task<FaqSynonymsView> SynonymsAsync(CancellationToken cancellationToken)
    {
        var list = await db.FaqSynonymLists.AsNoTracking().SingleOrDefaultAsync(s => s.Id == FaqSynonymList.SingleId, cancellationToken);
        return list is null ? new FaqSynonymsView(FaqSynonyms.DefaultText, 0) : new FaqSynonymsView(list.Text, list.Version);
    }

    /// <summary>Replaces the synonym list (network editors only); every replica picks it up at its next poll.</summary>
    public async Task<FaqSynonymsView> ReplaceSynonymsAsync(FaqActor actor, string? text, CancellationToken cancellationToken)
    {
        if (!actor.IsEditor)
        {
            throw new ForbiddenException("Solo i redattori della rete (scope faq.editor) modificano i sinonimi.");
        }

        if (text is null || text.Length > FaqOptions.MaxSynonymsLength)
        {
            throw RequestValidationException.Invalid("text", $"Indicare l'elenco dei sinonimi (al massimo {FaqOptions.MaxSynonymsLength} caratteri).");
        }

        try
        {
            FaqSynonyms.Parse(text);
        }
        catch (FormatException e)
        {
            throw RequestValidationException.Invalid("text", e.Message);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var version = await NextVersionAsync(cancellationToken);
        var list = await db.FaqSynonymLists.SingleOrDefaultAsync(s => s.Id == FaqSynonymList.SingleId, cancellationToken);
        if (list is null)
        {
            list = new FaqSynonymList { Id = FaqSynonymList.SingleId, Text = text };
            db.FaqSynonymLists.Add(list);
        }

        list.Text = text;
        list.Version = version;
        list.UpdatedByNodeId = actor.Node.Id;
        list.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new FaqSynonymsView(list.Text, list.Version);
    }

    private async Task<FaqEntryView> MoveAsync(
        FaqActor actor, Guid id, string action, FaqStatus to, FaqStatus[] from, CancellationToken cancellationToken) =>
        await ChangeAsync(async version =>
        {
            var entry = await FindAsync(id, cancellationToken);
            RequireOwnerOrEditor(actor, entry);
            if (!from.Contains(entry.Status))
            {
                throw Refused(entry, $"Una voce nello stato {FaqWire.Name(entry.Status)} non può passare a {FaqWire.Name(to)}.");
            }

            if (to == FaqStatus.Published && !MayPublish(actor, entry))
            {
                throw new ForbiddenException(
                    "Le voci valide per tutta la rete sono pubblicate dai redattori della rete (scope faq.editor): inviarla in revisione.");
            }

            entry.Status = to;
            Stamp(entry, actor, action, [], version);
            return entry;
        }, cancellationToken);

    private async Task<FaqEntryView> ChangeAsync(Func<long, Task<StoredFaqEntry>> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var version = await NextVersionAsync(cancellationToken);
        var entry = await change(version);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return View(entry);
    }

    /// <summary>Takes the next change number; the row stays locked until the transaction ends (see <see cref="FaqChangeCounter"/>).</summary>
    private async Task<long> NextVersionAsync(CancellationToken cancellationToken)
    {
        var values = await db.Database.SqlQueryRaw<long>(
                "UPDATE faq_change_counters SET value = value + 1 WHERE name = {0} RETURNING value AS \"Value\"",
                FaqChangeCounter.FaqName)
            .ToListAsync(cancellationToken);
        return values.Single();
    }

    private async Task<StoredFaqEntry> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.FaqEntries.SingleOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw new NotFoundException("Voce FAQ non trovata.");

    private static void RequireOwnerOrEditor(FaqActor actor, StoredFaqEntry entry)
    {
        if (entry.OwnerNodeId != actor.Node.Id && !actor.IsEditor)
        {
            throw new ForbiddenException("Solo l'ufficio che ha scritto la voce o un redattore della rete (scope faq.editor) la modifica.");
        }
    }

    private static bool MayPublish(FaqActor actor, StoredFaqEntry entry) =>
        actor.IsEditor || (entry.Scope != FaqScope.Network && entry.OwnerNodeId == actor.Node.Id);

    private static TransitionRefusedException Refused(StoredFaqEntry entry, string detail)
    {
        var allowed = entry.Status switch
        {
            FaqStatus.Draft => new[] { "update", "submit", "publish", "archive" },
            FaqStatus.InReview => ["update", "publish", "archive"],
            FaqStatus.Published => ["update", "archive"],
            _ => [],
        };
        return new TransitionRefusedException(detail, FaqWire.Name(entry.Status), allowed);
    }

    private void Stamp(StoredFaqEntry entry, FaqActor actor, string action, List<string> changed, long version)
    {
        var now = time.GetUtcNow();
        entry.Version = version;
        entry.UpdatedAt = now;
        db.FaqEntryVersions.Add(Record(entry, actor, action, changed, now));
    }

    private static FaqEntryVersion Record(StoredFaqEntry entry, FaqActor actor, string action, List<string> changed, DateTimeOffset at) => new()
    {
        EntryId = entry.Id,
        Version = entry.Version,
        Action = action,
        ActorNodeId = actor.Node.Id,
        ActorIsEditor = actor.IsEditor,
        At = at,
        ChangedFields = changed,
        Status = entry.Status,
        Question = entry.Question,
        Answer = entry.Answer,
    };

    /// <summary>Copies the request onto the entry and returns the names of the fields that changed. Region and entity
    /// come from the owner (an editor changing another office's entry keeps the owner's).</summary>
    private static List<string> Assign(StoredFaqEntry entry, FaqActor actor, FaqEntryRequest request, FaqScope scope)
    {
        var owner = entry.OwnerNodeId == actor.Node.Id ? actor.Node : null;
        var region = scope == FaqScope.Regional ? owner?.RegionCode ?? entry.RegionCode : null;
        var entity = scope == FaqScope.Local ? owner?.Code ?? entry.EntityCode : null;
        if ((scope == FaqScope.Regional && region is null) || (scope == FaqScope.Local && entity is null))
        {
            // An editor cannot move another office's network entry to a region or entity it does not know.
            throw RequestValidationException.Invalid("scope", "Solo l'ufficio proprietario può rendere la voce regionale o locale.");
        }

        var keywords = (request.Keywords ?? []).Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var changed = new List<string>();
        Set(changed, "question", entry.Question, request.Question!.Trim(), v => entry.Question = v);
        Set(changed, "answer", entry.Answer, request.Answer!.Trim(), v => entry.Answer = v);
        Set(changed, "categoryCode", entry.CategoryCode, request.CategoryCode!, v => entry.CategoryCode = v);
        if (!entry.Keywords.SequenceEqual(keywords))
        {
            changed.Add("keywords");
            entry.Keywords = keywords;
        }

        Set(changed, "scope", entry.Scope, scope, v => entry.Scope = v);
        Set(changed, "regionCode", entry.RegionCode, region, v => entry.RegionCode = v);
        Set(changed, "entityCode", entry.EntityCode, entity, v => entry.EntityCode = v);
        Set(changed, "validFrom", entry.ValidFrom, request.ValidFrom, v => entry.ValidFrom = v);
        Set(changed, "validTo", entry.ValidTo, request.ValidTo, v => entry.ValidTo = v);
        return changed;
    }

    private static void Set<T>(List<string> changed, string field, T current, T value, Action<T> assign)
    {
        if (!EqualityComparer<T>.Default.Equals(current, value))
        {
            changed.Add(field);
            assign(value);
        }
    }

    private static FaqScope Validate(FaqEntryRequest request)
    {
        var errors = new ValidationErrors();
        errors.Required("question", request.Question);
        errors.Required("answer", request.Answer);
        errors.Required("categoryCode", request.CategoryCode);
        if (request.Question?.Length > FaqOptions.MaxQuestionLength)
        {
            errors.Add("question", $"Al massimo {FaqOptions.MaxQuestionLength} caratteri.");
        }

        if (request.Answer?.Length > FaqOptions.MaxAnswerLength)
        {
            errors.Add("answer", $"Al massimo {FaqOptions.MaxAnswerLength} caratteri.");
        }

        if (request.Keywords is { } keywords
            && (keywords.Count > FaqOptions.MaxKeywords || keywords.Any(k => k is null || k.Length > FaqOptions.MaxKeywordLength)))
        {
            errors.Add("keywords", $"Al massimo {FaqOptions.MaxKeywords} parole chiave di {FaqOptions.MaxKeywordLength} caratteri.");
        }

        if (!FaqWire.TryParseScope(request.Scope, out var scope))
        {
            errors.Add("scope", "Indicare network, regional o local.");
        }

        if (request.ValidFrom is { } from && request.ValidTo is { } to && to <= from)
        {
            errors.Add("validTo", "La fine della validità deve seguire l'inizio.");
        }

        errors.ThrowIfInvalid();
        if (!TaxonomyCatalog.Current.IsCategory(request.CategoryCode!))
        {
            throw RequestValidationException.Unprocessable(new Dictionary<string, string[]>
            {
                ["categoryCode"] = ["Categoria non presente nella tassonomia."],
            });
        }

        return scope;
    }

    private static FaqEntryView View(StoredFaqEntry e) => new(
        e.Id, e.Question, e.Answer, e.CategoryCode, e.Keywords, FaqWire.Name(e.Scope), e.RegionCode, e.EntityCode,
        e.ValidFrom, e.ValidTo, e.OwnerNodeId, FaqWire.Name(e.Status), e.Version, e.UpdatedAt, e.UsedCount, e.NotHelpfulCount);
}
