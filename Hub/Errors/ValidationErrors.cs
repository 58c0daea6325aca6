namespace LineaHub.Hub.Errors;

/// <summary>Collects per-field reasons, then throws once with all of them.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string reason)
    {
        if (!_errors.TryGetValue(field, out var reasons))
        {
            reasons = [];
            _errors[field] = reasons;
        }

        reasons.Add(reason);
    }

    /// <summary>Adds <paramref name="reason"/> when <paramref name="value"/> is null or blank.</summary>
    public void Required(string field, string? value, string reason = "Campo obbligatorio.")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, reason);
        }
    }

    /// <summary>Throws 400 with every reason collected, if any.</summary>
    public void ThrowIfInvalid()
    {
        if (!IsEmpty)
        {
            throw RequestValidationException.Invalid(ToDictionary());
        }
    }

    /// <summary>Throws 422 with every reason collected, if any.</summary>
    public void ThrowIfUnprocessable()
    {
        if (!IsEmpty)
        {
            throw RequestValidationException.Unprocessable(ToDictionary());
        }
    }

    private Dictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
