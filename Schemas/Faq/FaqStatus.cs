namespace LineaHub.Schemas.Faq;

/// <summary>Lifecycle of a FAQ entry. Only <see cref="Published"/> entries are searchable.</summary>
public enum FaqStatus
{
    /// <summary>Being written by its owner.</summary>
    Draft = 0,

    /// <summary>Waiting for a network editor's approval.</summary>
    InReview = 1,

    /// <summary>Visible to the offices in its scope while valid.</summary>
    Published = 2,

    /// <summary>Withdrawn; kept for history, never returned.</summary>
    Archived = 3,
}
