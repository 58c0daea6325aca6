using LineaHub.Schemas.Taxonomy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LineaHub.Hub.Taxonomy;

public static class TaxonomyApi
{
    public static IEndpointRouteBuilder MapTaxonomyApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/taxonomy").WithTags("Taxonomy").AllowAnonymous();
        group.MapGet("/", GetCurrent)
            .WithName("GetTaxonomy")
            .WithSummary("The current uniform classification: categories, channels, request types, outcomes.");
        group.MapGet("/{version}", GetVersion)
            .WithName("GetTaxonomyVersion")
            .WithSummary("One published version of the classification.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static Ok<TaxonomyDocument> GetCurrent() => TypedResults.Ok(TaxonomyDocument.From(TaxonomyCatalog.Current));

    private static Results<Ok<TaxonomyDocument>, ProblemHttpResult> GetVersion(string version) =>
        TaxonomyCatalog.Find(version) is { } taxonomy
            ? TypedResults.Ok(TaxonomyDocument.From(taxonomy))
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Risorsa non trovata",
                detail: $"La versione {version} della tassonomia non esiste; versioni pubblicate: {string.Join(", ", TaxonomyCatalog.Versions.Select(v => v.Version))}.");
}

/// <summary>The taxonomy as served: a plain document with no lookup internals.</summary>
public sealed record TaxonomyDocument(
    string Version,
    IReadOnlyList<TaxonomyCategory> Categories,
    IReadOnlyList<TaxonomyEntry> Channels,
    IReadOnlyList<TaxonomyEntry> RequestTypes,
    IReadOnlyList<TaxonomyEntry> Outcomes)
{
    public static TaxonomyDocument From(Schemas.Taxonomy.Taxonomy taxonomy) =>
        new(taxonomy.Version, taxonomy.Categories, taxonomy.Channels, taxonomy.RequestTypes, taxonomy.Outcomes);
}
