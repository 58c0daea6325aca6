namespace LineaHub.Hub.Errors;

/// <summary>
/// The request is malformed (400) or well formed but names things that do not exist, such as a
/// taxonomy code (422).
/// </summary>
public sealed class RequestValidationException : DomainException
{
    private readonly Dictionary<string, string[]> _errors;

    private RequestValidationException(int statusCode, string title, Dictionary<string, string[]> errors)
        : base(title, string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
    {
        StatusCode = statusCode;
        _errors = errors;
    }

    public override int StatusCode { get; }

    public override IReadOnlyDictionary<string, string[]> Errors => _errors;

    public static RequestValidationException Invalid(Dictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, "Richiesta non valida", errors);

    public static RequestValidationException Unprocessable(Dictionary<string, string[]> errors) =>
        new(StatusCodes.Status422UnprocessableEntity, "Valori non riconosciuti", errors);

    /// <summary>400 from the per-field problems a Schemas rule reported.</summary>
    public static RequestValidationException Invalid(IReadOnlyDictionary<string, string[]> problems) =>
        Invalid(Copy(problems));

    /// <summary>422 from the per-field problems a Schemas rule reported.</summary>
    public static RequestValidationException Unprocessable(IReadOnlyDictionary<string, string[]> problems) =>
        Unprocessable(Copy(problems));

    public static RequestValidationException Invalid(string field, string reason) =>
        Invalid(new Dictionary<string, string[]> { [field] = [reason] });

    private static Dictionary<string, string[]> Copy(IReadOnlyDictionary<string, string[]> problems) =>
        problems.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
