using LineaHub.Schemas.Archive;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LineaHub.NodeAgent.Archive;

/// <summary>The unified archive on the agent's local API: the office's system closes contacts here and reads how they fared.</summary>
public static class ArchiveApi
{
    private static readonly HashSet<string> ShapeCodes = new(StringComparer.Ordinal) { "required", "invalid" };

    public static IEndpointRouteBuilder MapArchiveApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/contacts/closed", CloseAsync)
            .WithTags("Archivio")
            .WithName("CloseContact")
            .WithSummary("Archives a closed contact: anonymised here, stored once per contact id, sent to the hub in batches. A repeat of the id answers the same.")
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        app.MapGet("/api/v1/archive", GetStatusAsync)
            .WithTags("Archivio")
            .WithName("GetArchiveStatus")
            .WithSummary("Contacts waiting for the hub, stored, refused one by one (with the reasons) and in batches refused as a whole; the last delivery error.");
        return app;
    }

    private static async Task<Results<Accepted<ContactArchived>, ProblemHttpResult>> CloseAsync(
        ClosedContact contact, ContactArchiver archiver, CancellationToken cancellationToken)
    {
        var outcome = await archiver.ArchiveAsync(contact, cancellationToken);
        if (outcome.Archived is { } archived)
        {
            return TypedResults.Accepted("/api/v1/archive", archived);
        }

        // 400 when something is missing or malformed; 422 when the shape is right but a value is refused (unknown code,
        // personal data where none may be, a time finer than the hour).
        var shape = outcome.Errors.Any(error => ShapeCodes.Contains(error.Code));
        return TypedResults.Problem(new HttpValidationProblemDetails(Problems(outcome.Errors))
        {
            Title = shape ? "Contatto non valido" : "Contatto non archiviabile",
            Detail = "Il contatto non è stato archiviato: correggere i campi indicati e inviarlo di nuovo.",
            Status = shape ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity,
        });
    }

    private static async Task<Ok<ArchiveStatus>> GetStatusAsync(ArchiveStatusQuery query, CancellationToken cancellationToken) =>
        TypedResults.Ok(await query.GetAsync(cancellationToken));

    private static Dictionary<string, string[]> Problems(IReadOnlyList<ArchiveRecordError> errors) =>
        errors.GroupBy(error => error.Field, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(error => error.Message).ToArray(), StringComparer.Ordinal);
}
