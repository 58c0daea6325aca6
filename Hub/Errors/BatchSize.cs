namespace LineaHub.Hub.Errors;

/// <summary>The checks every batch an agent sends goes through before its items are looked at one by one.</summary>
public static class BatchSize
{
    /// <summary>
    /// The items of a batch: 400 when the list is missing or empty, 413 when it holds more than <paramref name="max"/>.
    /// </summary>
    /// <param name="items">The list as sent.</param>
    /// <param name="field">Its name in the JSON (<c>records</c>, <c>searches</c>).</param>
    /// <param name="max">The most items one batch may carry.</param>
    /// <param name="unit">What an item is, in Italian plural (<c>record</c>, <c>ricerche</c>).</param>
    public static IReadOnlyList<T> Require<T>(IReadOnlyList<T>? items, string field, int max, string unit)
    {
        if (items is null)
        {
            throw RequestValidationException.Invalid(field, $"Indicare l'elenco ({unit}).");
        }

        if (items.Count == 0)
        {
            throw RequestValidationException.Invalid(field, "Il lotto è vuoto.");
        }

        return items.Count <= max
            ? items
            : throw new PayloadTooLargeException($"Un lotto contiene al massimo {max} {unit}: dividerlo.");
    }
}
