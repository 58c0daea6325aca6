namespace LineaHub.NodeAgent.Faq;

/// <summary>What an operator says of an entry, on the local API.</summary>
/// <param name="Kind"><c>used</c> (used to answer the citizen) or <c>not_helpful</c>.</param>
/// <param name="SearchId">The <see cref="LocalFaqSearchResponse.SearchId"/> the entry was found with, if any.</param>
public sealed record LocalFaqFeedback(string? Kind, Guid? SearchId);
