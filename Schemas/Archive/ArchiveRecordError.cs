namespace LineaHub.Schemas.Archive;

/// <summary>One reason a record is refused. Messages are in Italian and never quote what the record carried: a refusal is stored with the response and may be logged, so it must not leak what it refuses.</summary>
/// <param name="Field">The field at fault, camelCase as in the JSON.</param>
/// <param name="Code">Stable machine code: <c>required</c>, <c>invalid</c>, <c>unknown_code</c>, <c>personal_data</c>, <c>too_precise</c>, <c>duplicate_in_batch</c>.</param>
/// <param name="Message">What is wrong, for a person.</param>
public sealed record ArchiveRecordError(string Field, string Code, string Message);
