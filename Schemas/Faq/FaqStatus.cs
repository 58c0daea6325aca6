using System.Text.Json.Serialization;

namespace LineaHub.Schemas.Faq;

/// <summary>Lifecycle of a FAQ entry. Only <see cref="Published"/> entries are searchable. On the wire by its
/// <see cref="FaqWire"/> name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FaqStatus>))]
public enum FaqStatus
{
    /// <summary>Being written by its owner.</summary>
    [JsonStringEnumMemberName("draft")]
    Draft = 0,

    /// <summary>Waiting for a network editor's approval.</summary>
    [JsonStringEnumMemberName("in_review")]
    InReview = 1,

    /// <summary>Visible to the offices in its scope while valid.</summary>
    [JsonStringEnumMemberName("published")]
    Published = 2,

    /// <summary>Withdrawn; kept for history, never returned.</summary>
    [JsonStringEnumMemberName("archived")]
    Archived = 3,
}
