using System.Security.Claims;
using LineaHub.Hub.Auth;
using LineaHub.Hub.Idempotency;
using LineaHub.Hub.Nodes;
using LineaHub.Schemas.Auth;
using LineaHub.Schemas.Faq;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace LineaHub.Hub.Faq;

/// <summary>
/// The shared FAQ for nodes (<c>network.node</c>): offices write entries for their scope, network editors
/// (<c>faq.editor</c>) approve network-wide ones and keep the synonyms; every office searches what applies to it.
/// </summary>
public static class FaqApi
{
    public static IEndpointRouteBuilder MapFaqApi(this IEndpointRouteBuilder app)
    {
        var maxSearchLogBytes = app.ServiceProvider.GetRequiredService<IOptions<FaqOptions>>().Value.MaxSearchLogBatchBytes;
        var group = app.MapGroup("/api/v1/faq")
            .WithTags("FAQ")
            .RequireAuthorization(HubPolicies.Node)
            .AddEndpointFilter<NodeCallerFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/search", Search)
            .WithName("SearchFaq")
            .WithSummary("Searches the published, valid entries that apply to the calling office (network, its region, its entity), in Italian.")
            .ProducesValidationProblem();
        group.MapGet("/changes", ChangesAsync)
            .WithName("GetFaqChanges")
            .WithSummary("The entries changed above a version, in version order, as they apply to the calling office (the rest as "
                + "tombstones: id and version only), and the synonym list when it changed: what an agent's offline replica follows.")
            .ProducesValidationProblem();

        group.MapGet("/gaps", GapsAsync)
            .WithName("GetFaqGaps")
            .WithSummary("Frequent searches that never led to an entry used to answer, most searched first: across the network for editors (faq.editor), the office's own otherwise.")
            .ProducesValidationProblem();

        // Agents send feedback and their local searches through their outbox and retry until answered, with a fixed
        // Idempotency-Key; each feedback and search is also stored once by its own id, whatever the key.
        group.MapPost("/feedback", FeedbackAsync)
            .WithIdempotency()
            .WithName("RecordFaqFeedback")
            .WithSummary("An operator marks an entry \"used to answer\" or \"not helpful\"; counted once per feedback id.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/searches", SearchesAsync)
            .WithIdempotency()
            .WithMetadata(new RequestSizeLimitAttribute(maxSearchLogBytes))
            .WithName("IngestFaqSearches")
            .WithSummary("The calling office sends searches run on its local replica (queries anonymised); each is stored once or refused with its reasons.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapPost("/entries/from-ticket", FromTicketAsync)
            .WithName("DraftFaqEntryFromTicket")
            .WithSummary("The holder or origin of a resolved or closed ticket proposes a draft entry from its anonymised summary and answer.")
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/entries", CreateAsync)
            .WithName("CreateFaqEntry")
            .WithSummary("The calling office writes a draft entry for its scope (network, regional or local).")
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/entries/{id:guid}", GetAsync)
            .WithName("GetFaqEntry")
            .WithSummary("Gets one entry in any state.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/entries/{id:guid}", UpdateAsync)
            .WithName("UpdateFaqEntry")
            .WithSummary("The owner or a network editor changes an entry; a network-wide published entry changed by a non-editor goes back to review.")
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/entries/{id:guid}/versions", VersionsAsync)
            .WithName("ListFaqEntryVersions")
            .WithSummary("Every change of an entry: who, when, what changed.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        MapMove(group, "submit", "SubmitFaqEntry", "Sends a draft for review.", (editing, actor, id, ct) => editing.SubmitAsync(actor, id, ct));
        MapMove(group, "publish", "PublishFaqEntry", "Publishes an entry: network-wide ones by a network editor, regional and local ones by their owner.",
            (editing, actor, id, ct) => editing.PublishAsync(actor, id, ct));
        MapMove(group, "archive", "ArchiveFaqEntry", "Withdraws an entry; it is kept for history and never returned by search.",
            (editing, actor, id, ct) => editing.ArchiveAsync(actor, id, ct));
        group.MapGet("/synonyms", SynonymsAsync)
            .WithName("GetFaqSynonyms")
            .WithSummary("The network's synonym list in its text format.");
        group.MapPut("/synonyms", ReplaceSynonymsAsync)
            .RequireAuthorization(HubPolicies.FaqEditor)
            .WithName("ReplaceFaqSynonyms")
            .WithSummary("A network editor replaces the synonym list; searches use it within seconds, without reindexing.")
            .ProducesValidationProblem();

        var admin = app.MapGroup("/api/v1/admin/faq/editors")
            .WithTags("Admin: FAQ")
            .RequireAuthorization(HubPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapPut("/{nodeId:guid}", GrantEditorAsync)
            .WithName("GrantFaqEditor")
            .WithSummary("Lets a node ask for the faq.editor scope (network editor).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapDelete("/{nodeId:guid}", WithdrawEditorAsync)
            .WithName("WithdrawFaqEditor")
            .WithSummary("Withdraws the faq.editor scope from a node; tokens already issued keep it until they expire.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static void MapMove(
        RouteGroupBuilder group, string action, string name, string summary,
        Func<FaqEditing, FaqActor, Guid, CancellationToken, Task<FaqEntryView>> move) =>
        group.MapPost($"/entries/{{id:guid}}/{action}", async Task<Ok<FaqEntryView>> (
                Guid id, FaqEditing editing, NodeCaller caller, ClaimsPrincipal user, CancellationToken cancellationToken) =>
                TypedResults.Ok(await move(editing, Actor(caller, user), id, cancellationToken)))
            .WithName(name)
            .WithSummary(summary)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static Ok<FaqSearchResponse> Search(string? q, string? category, int? limit, NodeCaller caller, FaqSearch search) =>
        TypedResults.Ok(search.Search(caller.Node, q, category, limit));

    private static async Task<Ok<FaqChangesPage>> ChangesAsync(
        long? after, int? limit, long? synonymsAfter, NodeCaller caller, FaqChanges changes, CancellationToken cancellationToken) =>
        TypedResults.Ok(await changes.GetAsync(caller.Node, after, limit, synonymsAfter, cancellationToken));

    private static async Task<Ok<FaqGapsReport>> GapsAsync(
        string? from, string? to, string? minSearches, string? limit,
        FaqGaps gaps, NodeCaller caller, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await gaps.ReportAsync(Actor(caller, user), from, to, minSearches, limit, cancellationToken));

    private static async Task<Ok<FaqFeedbackResponse>> FeedbackAsync(
        FaqFeedbackRequest request, RecordFaqFeedback feedback, CancellationToken cancellationToken) =>
        TypedResults.Ok(await feedback.RecordAsync(request, cancellationToken));

    private static async Task<Ok<FaqSearchLogResponse>> SearchesAsync(
        FaqSearchLogBatch batch, IngestFaqSearches ingest, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ingest.IngestAsync(batch, cancellationToken));

    private static async Task<Created<FaqEntryView>> FromTicketAsync(
        FaqEntryFromTicketRequest request, DraftFaqFromTicket draft, NodeCaller caller, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var view = await draft.DraftAsync(Actor(caller, user), request, cancellationToken);
        return TypedResults.Created($"/api/v1/faq/entries/{view.Id}", view);
    }

    private static async Task<Created<FaqEntryView>> CreateAsync(
        FaqEntryRequest request, FaqEditing editing, NodeCaller caller, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var view = await editing.CreateAsync(Actor(caller, user), request, cancellationToken);
        return TypedResults.Created($"/api/v1/faq/entries/{view.Id}", view);
    }

    private static async Task<Ok<FaqEntryView>> GetAsync(Guid id, FaqEditing editing, CancellationToken cancellationToken) =>
        TypedResults.Ok(await editing.GetAsync(id, cancellationToken));

    private static async Task<Ok<FaqEntryView>> UpdateAsync(
        Guid id, FaqEntryRequest request, FaqEditing editing, NodeCaller caller, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await editing.UpdateAsync(Actor(caller, user), id, request, cancellationToken));

    private static async Task<Ok<IReadOnlyList<FaqVersionView>>> VersionsAsync(Guid id, FaqEditing editing, CancellationToken cancellationToken) =>
        TypedResults.Ok(await editing.VersionsAsync(id, cancellationToken));

    private static async Task<Ok<FaqSynonymsView>> SynonymsAsync(FaqEditing editing, CancellationToken cancellationToken) =>
        TypedResults.Ok(await editing.SynonymsAsync(cancellationToken));

    private static async Task<Ok<FaqSynonymsView>> ReplaceSynonymsAsync(
        FaqSynonymsView request, FaqEditing editing, NodeCaller caller, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await editing.ReplaceSynonymsAsync(Actor(caller, user), request.Text, cancellationToken));

    private static async Task<NoContent> GrantEditorAsync(Guid nodeId, FaqEditors editors, CancellationToken cancellationToken)
    {
        await editors.SetAsync(nodeId, editor: true, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> WithdrawEditorAsync(Guid nodeId, FaqEditors editors, CancellationToken cancellationToken)
    {
        await editors.SetAsync(nodeId, editor: false, cancellationToken);
        return TypedResults.NoContent();
    }

    private static FaqActor Actor(NodeCaller caller, ClaimsPrincipal user) => new(caller.Node, user.HasScope(HubScopes.FaqEditor));
}
