namespace LineaHub.Schemas.Faq;

/// <summary>Limits of a FAQ search that hub and agent enforce alike.</summary>
public static class FaqQueryRules
{
    /// <summary>Longest query text accepted, in characters.</summary>
    public const int MaxQueryLength = 1_000;

    /// <summary>Hits returned when the caller does not say.</summary>
    public const int DefaultLimit = 10;

    /// <summary>Most hits one search returns.</summary>
    public const int MaxLimit = 50;

    /// <summary>Throws <see cref="FaqQueryException"/> when the request cannot be run.</summary>
    public static void Validate(FaqSearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            throw new FaqQueryException(FaqQueryProblem.Empty, "Scrivere il testo da cercare.");
        }

        if (request.Query.Length > MaxQueryLength)
        {
            throw new FaqQueryException(
                FaqQueryProblem.TooLong,
                $"Il testo da cercare è troppo lungo: al massimo {MaxQueryLength} caratteri.");
        }

        if (request.Limit is < 1 or > MaxLimit)
        {
            throw new FaqQueryException(
                FaqQueryProblem.LimitOutOfRange,
                $"Il numero di risultati deve essere tra 1 e {MaxLimit}.");
        }
    }
}
