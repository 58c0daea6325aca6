namespace LineaHub.Schemas.Faq;

/// <summary>A logged search the hub did not store, and why.</summary>
/// <param name="Index">Position of the search in the batch, from 0.</param>
/// <param name="SearchId">Its id, when it had one.</param>
/// <param name="Errors">Each reason, naming the field (camelCase, as sent).</param>
public sealed record RefusedFaqSearch(int Index, Guid? SearchId, IReadOnlyList<FaqSearchLogError> Errors);
