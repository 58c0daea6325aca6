using System.Globalization;
using LineaHub.Schemas.Faq;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LineaHub.NodeAgent.Faq;

/// <summary>The shared FAQ on the agent's local API, answered from the office's replica whether or not the hub is reachable.</summary>
public static class FaqApi
{
    public static IEndpointRouteBuilder MapFaqApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/faq").WithTags("FAQ");
        group.MapGet("/search", SearchAsync)
            .WithName("SearchLocalFaq")
            .WithSummary("Searches the office's FAQ replica (network, own region, own entity, valid now): hits with snippets, a search id "
                + "for feedback, the replica's version, its last sync and whether it may be out of date.")
            .ProducesValidationProblem();
        group.MapGet("/entries/{id:guid}", GetAsync)
            .WithName("GetLocalFaqEntry")
            .WithSummary("One entry of the replica, its answer also as safe HTML.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/entries/{id:guid}/feedback", FeedbackAsync)
            .WithName("GiveLocalFaqFeedback")
            .WithSummary("The operator says the entry was used to answer (used) or did not help (not_helpful); it reaches the hub through the outbox.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<LocalFaqSearchResponse>, ValidationProblem>> SearchAsync(
        string? q, string? category, string? limit, LocalFaq faq, CancellationToken cancellationToken)
    {
        var count = FaqQueryRules.DefaultLimit;
        if (limit is not null && !int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count))
        {
            return Invalid("limit", $"Il numero di risultati deve essere tra 1 e {FaqQueryRules.MaxLimit}.");
        }

        try
        {
            return TypedResults.Ok(await faq.SearchAsync(q, category, count, cancellationToken));
        }
        catch (FaqQueryException refused)
        {
            return Invalid(refused.Problem == FaqQueryProblem.LimitOutOfRange ? "limit" : "q", refused.Message);
        }
    }

    private static async Task<Results<Ok<LocalFaqEntry>, ProblemHttpResult>> GetAsync(Guid id, LocalFaq faq, CancellationToken cancellationToken) =>
        await faq.GetAsync(id, cancellationToken) is { } entry ? TypedResults.Ok(entry) : NotFound();

    private static async Task<Results<Accepted<FaqFeedbackQueued>, ValidationProblem, ProblemHttpResult>> FeedbackAsync(
        Guid id, LocalFaqFeedback feedback, LocalFaq faq, CancellationToken cancellationToken)
    {
        if (!FaqFeedbackKinds.IsKnown(feedback.Kind))
        {
            return Invalid("kind", $"Indicare {FaqFeedbackKinds.Used} (usata per rispondere) o {FaqFeedbackKinds.NotHelpful} (non utile).");
        }

        return await faq.GiveFeedbackAsync(id, feedback.Kind!, feedback.SearchId, cancellationToken) is { } queued
            ? TypedResults.Accepted($"/api/v1/faq/entries/{id}", queued)
            : NotFound();
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Richiesta non valida");

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Voce FAQ non trovata",
            detail: "La copia locale delle FAQ non contiene questa voce (o non è più valida).");
}
