namespace LineaHub.Hub.Faq;

/// <summary>What a version row records.</summary>
public static class FaqActions
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Submitted = "submitted";
    public const string Published = "published";
    public const string Archived = "archived";
    public const string SynonymsChanged = "synonyms";
}
