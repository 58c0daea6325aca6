namespace LineaHub.Schemas.Faq;

/// <summary>
/// One reason a logged search is refused. Messages are in Italian and never quote what the search carried: the refusal
/// is kept with the idempotency record and may be logged, so it must not leak the personal data it refuses.
/// </summary>
/// <param name="Field">The field at fault, camelCase as in the JSON.</param>
/// <param name="Code">Stable machine code: <c>required</c>, <c>invalid</c>, <c>unknown_code</c>, <c>personal_data</c>, <c>duplicate_in_batch</c>.</param>
/// <param name="Message">What is wrong, for a person.</param>
public sealed record FaqSearchLogError(string Field, string Code, string Message);
